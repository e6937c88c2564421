package cn.bailian.kit.db;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * Which database constraint a failed write broke. Races are settled by constraints (unique, exclusion,
 * check); a service turns the one it expects into its domain's problem code with this, and leaves the rest
 * to the kit's generic 409.
 */
public final class Constraints {

    private Constraints() {}

    /**
     * The name of the violated constraint; "" for a constraint violation whose name is unknown; null if the
     * failure was not a constraint violation at all.
     */
    public static String violated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && !violation.getConstraintName().isEmpty()) {
                return violation.getConstraintName();
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                if (sql instanceof PSQLException psql) {
                    ServerErrorMessage server = psql.getServerErrorMessage();
                    if (server != null && server.getConstraint() != null) {
                        return server.getConstraint();
                    }
                }
                return "";
            }
        }
        return null;
    }

    /** True if the failure was the violation of this constraint (names compared case-insensitively). */
    public static boolean violated(Throwable failure, String constraint) {
        String name = violated(failure);
        return name != null && name.equalsIgnoreCase(constraint);
    }
}
