package cn.bailian.kit.problem;

import java.util.List;
import java.util.Map;

/**
 * A request the service refuses, with a stable code. Title and detail are looked up by code in the
 * service's {@code i18n/problems} bundle (then the kit's), in zh-CN or English; {@code args} fill the
 * detail's placeholders. Extensions are extra members of the problem body (e.g. the current balance).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;
    private final List<FieldError> errors;
    private final transient Map<String, Object> extensions;

    public ProblemException(int status, String code, Object... args) {
        this(status, code, List.of(), Map.of(), args);
    }

    public ProblemException(
            int status, String code, List<FieldError> errors, Map<String, Object> extensions, Object... args) {
        super(code, null, false, false); // a refusal, not a failure: no stack trace to fill
        this.status = status;
        this.code = code;
        this.args = args;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException notFound(String code, Object id) {
        return new ProblemException(404, code, id);
    }

    public static ProblemException conflict(String code, Object... args) {
        return new ProblemException(409, code, args);
    }

    public static ProblemException unprocessable(String code, Object... args) {
        return new ProblemException(422, code, args);
    }

    public static ProblemException forbidden() {
        return new ProblemException(403, ProblemCodes.FORBIDDEN);
    }

    /** One invalid field, reported like a bean-validation failure (400 VALIDATION_FAILED). */
    public static ProblemException invalidField(String field, String fieldCode, String message) {
        return new ProblemException(
                400, ProblemCodes.VALIDATION_FAILED, List.of(new FieldError(field, fieldCode, message)), Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
