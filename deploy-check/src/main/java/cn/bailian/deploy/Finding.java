package cn.bailian.deploy;

/** One thing wrong with the rendered manifests: which check saw it, on which object, and what. */
public record Finding(String check, String object, String message) {

    @Override
    public String toString() {
        return "[" + check + "] " + object + ": " + message;
    }
}
