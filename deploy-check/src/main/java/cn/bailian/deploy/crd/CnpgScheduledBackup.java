package cn.bailian.deploy.crd;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** CloudNativePG {@code postgresql.cnpg.io/v1 ScheduledBackup}. */
public record CnpgScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(
            String schedule,
            LocalObjectReference cluster,
            String method,
            Boolean immediate,
            Boolean suspend,
            String backupOwnerReference,
            String target,
            Boolean online,
            Object pluginConfiguration) {}
}
