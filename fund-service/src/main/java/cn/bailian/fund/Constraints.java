package cn.bailian.fund;

/** Which database constraint refused a write, so an expected race can get its domain code. */
public final class Constraints {

    private Constraints() {
    }

    public static boolean violated(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getMessage() != null && sql.getMessage().contains("\"" + constraint + "\"")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
