package cn.bailian.farm;

import org.hibernate.exception.ConstraintViolationException;

/** Which database constraint a failed write broke, so races become their domain's 409 rather than a generic one. */
public final class Constraints {

    private Constraints() {
    }

    /** The violated constraint's name, or null if the failure was not a constraint violation. */
    public static String violated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return violation.getConstraintName() == null ? "" : violation.getConstraintName();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
