package cn.bailian.deploy.crd;

import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.Map;

/** Strimzi {@code kafka.strimzi.io/v1beta2 KafkaTopic}. */
public record KafkaTopic(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(String topicName, Integer partitions, Integer replicas, Map<String, Object> config) {}

    /** The topic's name in Kafka: spec.topicName, or else the resource's name. */
    public String topic() {
        return spec != null && spec.topicName() != null ? spec.topicName() : metadata.getName();
    }
}
