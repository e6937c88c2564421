package cn.bailian.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the contract is read from the project, and how it fails when a piece is missing. */
class ContractTest {

    @Test
    void projectVersionIsTheRootPomsOwnNotItsParentsOrADependencys() {
        assertThat(ProjectVersion.read(TestProject.ROOT.resolve("pom.xml"))).isEqualTo("1.0.0-SNAPSHOT");
    }

    @Test
    void envNamesFollowQuarkusMapping() {
        assertThat(EnvNames.of("quarkus.datasource.jdbc.url")).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(EnvNames.of("quarkus.log.category.\"kafka\".level")).isEqualTo("QUARKUS_LOG_CATEGORY__KAFKA__LEVEL");
        assertThat(EnvNames.of("bailian.events.topic")).isEqualTo("BAILIAN_EVENTS_TOPIC");
    }

    @Test
    void theStatedContractReadsTheKitsVariablesAndTheServicesOwn() {
        ServiceConfig farm = TestProject.statedContract().services().get("farm-service");

        assertThat(farm.port()).isEqualTo(8082);
        assertThat(farm.topic()).isEqualTo("bailian.farm.events");
        assertThat(farm.readsEnv())
                .contains(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "BAILIAN_JWKS_URL",
                        "BAILIAN_JWT_ISSUER",
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        "QUARKUS_HTTP_PORT",
                        "BAILIAN_EVENTS_TOPIC",
                        "MP_JWT_VERIFY_ISSUER");
    }

    @Test
    void aMissingApplicationPropertiesFailsClearly(@TempDir Path dir) {
        Path kit = TestProject.ROOT.resolve(Contract.KIT_PROPERTIES);

        assertThatThrownBy(() -> ServiceConfig.read("farm-service", dir.resolve("application.properties"), kit))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing " + dir.resolve("application.properties"))
                .hasMessageContaining("farm-service's configuration");
    }

    @Test
    void anApplicationPropertiesWithoutThePortFailsClearly(@TempDir Path dir) throws IOException {
        Path props =
                Files.writeString(dir.resolve("application.properties"), "bailian.events.topic=bailian.farm.events\n");

        assertThatThrownBy(() ->
                        ServiceConfig.read("farm-service", props, TestProject.ROOT.resolve(Contract.KIT_PROPERTIES)))
                .hasMessageContaining("must set quarkus.http.port");
    }

    @Test
    void aMissingKubectlSaysToInstallIt() {
        assertThatThrownBy(() -> new Kustomize("/nonexistent/kubectl").render(TestProject.OVERLAYS.resolve("dev")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("install kubectl");
    }
}
