package cn.bailian.deploy;

/**
 * One rendered object: its identity as written, and its typed model (a fabric8 class for Kubernetes'
 * own kinds, a record of package {@code cn.bailian.deploy.crd} for the operators' kinds).
 */
public record Resource(String apiVersion, String kind, String namespace, String name, Object model) {

    public String id() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }

    public <T> T as(Class<T> type) {
        return type.cast(model);
    }
}
