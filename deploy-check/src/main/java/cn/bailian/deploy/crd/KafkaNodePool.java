package cn.bailian.deploy.crd;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.List;

/** Strimzi {@code kafka.strimzi.io/v1beta2 KafkaNodePool}. */
public record KafkaNodePool(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(
            Integer replicas,
            List<String> roles,
            Storage storage,
            ResourceRequirements resources,
            Object jvmOptions,
            Object template) {}

    public record Storage(String type, String size, String storageClass, Boolean deleteClaim, List<Volume> volumes) {}

    public record Volume(
            Integer id, String type, String size, String storageClass, Boolean deleteClaim, String kraftMetadata) {}
}
