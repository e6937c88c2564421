package cn.bailian.deploy;

import cn.bailian.deploy.crd.CnpgCluster;
import cn.bailian.deploy.crd.CnpgDatabase;
import cn.bailian.deploy.crd.CnpgScheduledBackup;
import cn.bailian.deploy.crd.KafkaCluster;
import cn.bailian.deploy.crd.KafkaNodePool;
import cn.bailian.deploy.crd.KafkaTopic;
import cn.bailian.deploy.crd.KafkaUser;
import cn.bailian.deploy.crd.KeycloakRealmImport;
import cn.bailian.deploy.crd.KeycloakServer;
import cn.bailian.deploy.crd.ServiceMonitor;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.Map;
import java.util.Optional;

/**
 * The kinds deploy/ may contain, by apiVersion and kind. Anything else (a new kind, or a known kind at
 * an API version we did not write against) is a finding: add it here with its model first.
 */
final class Kinds {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", KafkaCluster.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CnpgCluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", CnpgDatabase.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", CnpgScheduledBackup.class),
            Map.entry("k8s.keycloak.org/v2beta1/Keycloak", KeycloakServer.class),
            Map.entry("k8s.keycloak.org/v2beta1/KeycloakRealmImport", KeycloakRealmImport.class));

    private Kinds() {}

    static Optional<Class<?>> type(String apiVersion, String kind) {
        return Optional.ofNullable(TYPES.get(apiVersion + "/" + kind));
    }
}
