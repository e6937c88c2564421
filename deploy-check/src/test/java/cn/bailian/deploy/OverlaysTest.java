package cn.bailian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay in deploy/overlays renders and agrees with the services as they are configured in this
 * commit (their application.properties, the kit's defaults, the root pom's version).
 */
class OverlaysTest {

    static java.util.List<String> overlays() {
        return TestProject.overlays();
    }

    @Test
    void thereAreDevAndProdOverlays() {
        assertThat(overlays()).contains("dev", "prod");
    }

    @ParameterizedTest(name = "deploy/overlays/{0}")
    @MethodSource("overlays")
    void overlayMatchesTheServicesConfiguration(String overlay) {
        Contract contract = Contract.of(TestProject.ROOT);

        var findings = DeployChecker.forOverlay(overlay).check(TestProject.rendered(overlay), contract);

        assertThat(findings).as("problems in deploy/overlays/%s", overlay).isEmpty();
    }
}
