package cn.bailian.kit.inbox;

/** An event on a topic whose owner did not send it (its CloudEvents source names another service, or none). */
public class ForgedEventException extends RuntimeException {

    public ForgedEventException(String message) {
        super(message, null, false, false);
    }
}
