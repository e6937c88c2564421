package cn.bailian.deploy.crd;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import tools.jackson.databind.JsonNode;

/** Keycloak Operator {@code k8s.keycloak.org/v2beta1 KeycloakRealmImport}; the realm is Keycloak's own representation. */
public record KeycloakRealmImport(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(String keycloakCRName, JsonNode realm) {}
}
