package cn.bailian.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.KafkaBroker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar with the prod profile refuses to start with token checks anyone could pass (service-kit's
 * ProductionSecurityCheck). The refusal comes before the database is needed, so none is given.
 */
class ProductionTokenSettingsIT {

    private static final String ISSUER = "https://auth.bailian.example/realms/bailian";
    private static final String JWKS = ISSUER + "/protocol/openid-connect/certs";

    static Stream<Arguments> unsafeSettings() {
        return Stream.of(
                Arguments.of("no issuer", Map.of("BAILIAN_JWKS_URL", JWKS), "no token issuer"),
                Arguments.of("no JWKS", Map.of("BAILIAN_JWT_ISSUER", ISSUER), "no JWKS URL"),
                Arguments.of(
                        "a key inline",
                        Map.of(
                                "BAILIAN_JWT_ISSUER",
                                ISSUER,
                                "BAILIAN_JWKS_URL",
                                JWKS,
                                "MP_JWT_VERIFY_PUBLICKEY",
                                DevTokens.publicKeyPem()),
                        "a signing key is configured inline"),
                Arguments.of(
                        "dev profile in a pod",
                        Map.of("QUARKUS_PROFILE", "dev", "KUBERNETES_SERVICE_HOST", "10.0.0.1"),
                        "the dev profile runs in a container"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeSettings")
    void refusesToStart(String why, Map<String, String> settings, String reason) throws Exception {
        Path root = Path.of(System.getProperty("bailian.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path log = root.resolve("system-tests/target/system-logs/prod-refusal-" + why.replace(' ', '-') + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        root.resolve("farm-service/target/quarkus-app/quarkus-run.jar")
                                .toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_PROFILE", "prod",
                "QUARKUS_HTTP_PORT", Integer.toString(KafkaBroker.freePort()),
                // a database that is not there: the service must stop on its token settings, not on this
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/none",
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "false"));
        env.putAll(settings);
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("the service stopped by itself; log %s", log).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("refusing to start").contains(reason);
    }
}
