package cn.bailian.deploy.crd;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

import java.util.List;
import java.util.Map;

/** CloudNativePG {@code postgresql.cnpg.io/v1 Cluster}. */
public record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(
            Integer instances,
            String imageName,
            Storage storage,
            Storage walStorage,
            ResourceRequirements resources,
            Postgresql postgresql,
            Managed managed,
            Affinity affinity,
            Object bootstrap,
            Backup backup,
            Object monitoring,
            Boolean enableSuperuserAccess,
            LocalObjectReference superuserSecret) {}

    public record Storage(String size, String storageClass) {}

    public record Backup(
            String retentionPolicy, BarmanObjectStore barmanObjectStore, String target, Object volumeSnapshot) {}

    public record BarmanObjectStore(
            String destinationPath,
            String endpointURL,
            String serverName,
            S3Credentials s3Credentials,
            Object azureCredentials,
            Object googleCredentials,
            Object endpointCA,
            Wal wal,
            Data data,
            Object tags,
            Object historyTags) {}

    public record S3Credentials(
            SecretKeySelector accessKeyId,
            SecretKeySelector secretAccessKey,
            SecretKeySelector region,
            SecretKeySelector sessionToken,
            Boolean inheritFromIAMRole) {}

    public record Wal(String compression, String encryption, Integer maxParallel) {}

    public record Data(String compression, String encryption, Integer jobs, Boolean immediateCheckpoint) {}

    public record Postgresql(
            Map<String, String> parameters,
            @JsonProperty("pg_hba") List<String> pgHba) {}

    public record Managed(List<Role> roles) {}

    public record Role(
            String name,
            String ensure,
            Boolean login,
            Boolean superuser,
            Boolean createdb,
            Boolean createrole,
            Boolean inherit,
            Boolean replication,
            Boolean bypassrls,
            Integer connectionLimit,
            String comment,
            List<String> inRoles,
            LocalObjectReference passwordSecret,
            Boolean disablePassword,
            String validUntil) {}

    public record Affinity(
            Boolean enablePodAntiAffinity,
            String topologyKey,
            String podAntiAffinityType,
            Map<String, String> nodeSelector,
            Object tolerations) {}
}
