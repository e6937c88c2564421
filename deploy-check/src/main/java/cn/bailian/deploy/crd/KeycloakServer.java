package cn.bailian.deploy.crd;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Keycloak Operator {@code k8s.keycloak.org/v2beta1 Keycloak}. */
public record KeycloakServer(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(
            Integer instances,
            String image,
            Db db,
            Hostname hostname,
            Http http,
            Proxy proxy,
            ResourceRequirements resources) {}

    public record Db(
            String vendor,
            String host,
            Integer port,
            String database,
            SecretKeySelector usernameSecret,
            SecretKeySelector passwordSecret) {}

    public record Hostname(String hostname, Boolean strict, String admin) {}

    public record Http(Boolean httpEnabled, Integer httpPort, Integer httpsPort, String tlsSecret) {}

    public record Proxy(String headers) {}
}
