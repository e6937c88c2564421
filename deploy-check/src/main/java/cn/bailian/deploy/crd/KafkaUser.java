package cn.bailian.deploy.crd;

import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.List;

/** Strimzi {@code kafka.strimzi.io/v1beta2 KafkaUser}: one client identity, its authentication and its ACLs. */
public record KafkaUser(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(Authentication authentication, Authorization authorization, Object quotas, Object template) {}

    public record Authentication(String type, Object password) {}

    public record Authorization(String type, List<Acl> acls) {}

    /** {@code operations} (a list) is the current form; {@code operation} the deprecated single one. */
    public record Acl(Resource resource, String type, String host, List<String> operations, String operation) {}

    /** type: topic, group, cluster or transactionalId; patternType: literal (default) or prefix. */
    public record Resource(String type, String name, String patternType) {}
}
