package cn.bailian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The production realm (deploy/base/keycloak/realm-import.yaml) is the realm that bin/bailian up and the system
 * tests import (deploy/keycloak/realm-bailian.json), less what only a developer's machine has: demo accounts, the
 * dev client secret, http redirect URIs, TLS not required.
 */
class RealmImportTest {

    @Test
    void productionRealmIsTheTestedRealmWithoutDemoAccountsOrDevSecrets() throws Exception {
        Path root = TestProject.ROOT;
        ObjectNode tested = (ObjectNode)
                new ObjectMapper().readTree(Files.readString(root.resolve("deploy/keycloak/realm-bailian.json")));
        ObjectNode production = (ObjectNode) new YAMLMapper()
                .readTree(Files.readString(root.resolve("deploy/base/keycloak/realm-import.yaml")))
                .path("spec")
                .path("realm");

        assertThat(production.has("users"))
                .as("demo accounts in the production realm")
                .isFalse();
        assertThat(production.path("sslRequired").asString()).isEqualTo("all");
        for (JsonNode client : production.path("clients")) {
            assertThat(client.has("secret"))
                    .as("a committed secret of %s", client.path("clientId"))
                    .isFalse();
            client.path("redirectUris")
                    .forEach(uri -> assertThat(uri.asString())
                            .as("redirect URI of %s", client.path("clientId"))
                            .doesNotStartWith("http:"));
        }
        tested.remove("users");
        for (ObjectNode realm : new ObjectNode[] {tested, production}) {
            realm.remove("sslRequired");
            realm.path("clients").forEach(client -> {
                ((ObjectNode) client).remove("secret");
                ((ObjectNode) client).remove("redirectUris");
            });
        }
        assertThat(production).isEqualTo(tested);
    }
}
