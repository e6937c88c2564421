package cn.bailian.deploy.crd;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.List;
import java.util.Map;

/** Strimzi {@code kafka.strimzi.io/v1beta2 Kafka} (KRaft, with node pools). */
public record KafkaCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(Kafka kafka, EntityOperator entityOperator, Object cruiseControl, Object kafkaExporter) {}

    public record Kafka(
            String version,
            String metadataVersion,
            List<Listener> listeners,
            Map<String, Object> config,
            Authorization authorization,
            Object rack,
            Object template) {}

    /** type: simple (Kafka's ACLs), opa, keycloak or custom. */
    public record Authorization(String type, List<String> superUsers) {}

    public record Listener(
            String name,
            Integer port,
            String type,
            Boolean tls,
            Authentication authentication,
            Object configuration,
            List<NetworkPolicyPeer> networkPolicyPeers) {}

    /** type: scram-sha-512, tls, oauth or custom. */
    public record Authentication(String type) {}

    public record EntityOperator(Operator topicOperator, Operator userOperator) {}

    public record Operator(String watchedNamespace, ResourceRequirements resources, Integer reconciliationIntervalMs) {}
}
