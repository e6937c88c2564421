package cn.bailian.deploy.crd;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.List;
import java.util.Map;

/** Strimzi {@code kafka.strimzi.io/v1beta2 Kafka} (KRaft, with node pools). */
public record KafkaCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(Kafka kafka, EntityOperator entityOperator, Object cruiseControl, Object kafkaExporter) {
    }

    public record Kafka(String version, String metadataVersion, List<Listener> listeners, Map<String, Object> config,
                        Object authorization, Object rack, Object template) {
    }

    public record Listener(String name, Integer port, String type, Boolean tls, Object authentication,
                           Object configuration, List<NetworkPolicyPeer> networkPolicyPeers) {
    }

    public record EntityOperator(Operator topicOperator, Operator userOperator) {
    }

    public record Operator(String watchedNamespace, ResourceRequirements resources, Integer reconciliationIntervalMs) {
    }
}
