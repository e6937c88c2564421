package cn.bailian.deploy.crd;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** CloudNativePG {@code postgresql.cnpg.io/v1 Database}. */
public record CnpgDatabase(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(
            LocalObjectReference cluster,
            String name,
            String owner,
            String ensure,
            String databaseReclaimPolicy,
            String encoding,
            String locale,
            String template,
            String tablespace,
            Boolean allowConnections,
            Integer connectionLimit) {}
}
