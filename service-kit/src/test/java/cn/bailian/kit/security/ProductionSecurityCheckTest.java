package cn.bailian.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The start-up refusals of a production service with unsafe token settings (the jar is run in system-tests). */
class ProductionSecurityCheckTest {

    private static final String ISSUER = "https://auth.bailian.example/realms/bailian";

    private static Config config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "mp.jwt.verify.issuer",
                ISSUER,
                "mp.jwt.verify.publickey.location",
                ISSUER + "/protocol/openid-connect/certs",
                "mp.jwt.verify.audiences",
                "bailian-api"));
        values.putAll(overrides);
        values.values().removeIf(String::isEmpty);
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
    }

    @Test
    void productionWithTheIdentityProvidersIssuerJwksAndAudienceStarts() {
        assertThat(ProductionSecurityCheck.problems(List.of("prod"), config(Map.of()), Map.of()))
                .isEmpty();
    }

    @Test
    void productionWithoutIssuerJwksOrAudienceOrWithAnInlineKeyIsRefused() {
        assertThat(ProductionSecurityCheck.problems(
                        List.of("prod"), config(Map.of("mp.jwt.verify.issuer", "")), Map.of()))
                .singleElement()
                .asString()
                .contains("no token issuer");
        assertThat(ProductionSecurityCheck.problems(
                        List.of("prod"),
                        config(Map.of("mp.jwt.verify.publickey.location", "dev-keys/jwt-public.pem")),
                        Map.of()))
                .singleElement()
                .asString()
                .contains("no JWKS URL");
        assertThat(ProductionSecurityCheck.problems(
                        List.of("prod"), config(Map.of("mp.jwt.verify.audiences", "")), Map.of()))
                .singleElement()
                .asString()
                .contains("no token audience");
        assertThat(ProductionSecurityCheck.problems(
                        List.of("prod"),
                        config(Map.of("mp.jwt.verify.publickey", "-----BEGIN PUBLIC KEY-----")),
                        Map.of()))
                .singleElement()
                .asString()
                .contains("inline");
    }

    @Test
    void theDevProfileIsRefusedInAPodButAllowedOnADevelopersMachine() {
        Config bare = config(Map.of("mp.jwt.verify.issuer", "", "mp.jwt.verify.publickey.location", ""));
        assertThat(ProductionSecurityCheck.problems(
                        List.of("dev"), bare, Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1")))
                .singleElement()
                .asString()
                .contains("dev profile");
        assertThat(ProductionSecurityCheck.problems(List.of("test"), bare, Map.of()))
                .isEmpty();
    }
}
