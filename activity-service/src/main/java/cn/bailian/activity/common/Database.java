package cn.bailian.activity.common;

import java.sql.SQLException;
import java.util.Locale;

/** Recognises the constraint violations this service expects, so they become domain problems, not a bare 409. */
public final class Database {

    public static final String EXCLUSION_VIOLATION = "23P01";
    public static final String UNIQUE_VIOLATION = "23505";

    private Database() {
    }

    /** True if {@code e} was caused by the violation of {@code constraint} with this SQLState. */
    public static boolean violated(Throwable e, String sqlState, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                return constraint == null || message.contains(constraint.toLowerCase(Locale.ROOT));
            }
        }
        return false;
    }
}
