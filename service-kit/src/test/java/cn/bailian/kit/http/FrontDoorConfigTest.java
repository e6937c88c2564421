package cn.bailian.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the kit's shared configuration says per profile, read as Quarkus reads it (SmallRye Config with the profile):
 * production serves no Swagger UI and accepts no browser origin unless BAILIAN_CORS_ORIGINS names it, while the
 * OpenAPI document stays served; dev keeps both for the local web app.
 */
class FrontDoorConfigTest {

    @Test
    void productionServesTheOpenApiDocumentButNoSwaggerUi() throws IOException {
        SmallRyeConfig prod = kitConfig("prod");

        assertThat(prod.getOptionalValue("quarkus.swagger-ui.enabled", Boolean.class))
                .contains(false);
        assertThat(prod.getValue("quarkus.smallrye-openapi.path", String.class)).isEqualTo("/q/openapi");
        assertThat(prod.getOptionalValue("quarkus.smallrye-openapi.enable", Boolean.class))
                .isNotEqualTo(Optional.of(false));
    }

    @Test
    void productionAcceptsNoBrowserOriginByDefaultDevTheLocalWebApp() throws IOException {
        SmallRyeConfig prod = kitConfig("prod");
        SmallRyeConfig dev = kitConfig("dev");

        assertThat(prod.getValue("quarkus.http.cors.enabled", Boolean.class)).isTrue();
        assertThat(prod.getOptionalValue("quarkus.http.cors.origins", String.class))
                .isEmpty();
        assertThat(dev.getOptionalValue("quarkus.http.cors.origins", String.class))
                .contains("http://localhost:5173");
        assertThat(dev.getOptionalValue("quarkus.swagger-ui.enabled", Boolean.class))
                .isEmpty();
    }

    private static SmallRyeConfig kitConfig(String profile) throws IOException {
        URL kit = Path.of("src/main/resources/META-INF/microprofile-config.properties")
                .toUri()
                .toURL(); // the kit's, not another jar's
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(kit, 100))
                .build();
    }
}
