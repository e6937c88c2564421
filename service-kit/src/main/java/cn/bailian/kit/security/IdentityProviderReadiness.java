package cn.bailian.kit.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Reports whether the identity provider's JWKS answers. It stays UP while Keycloak is away: the keys already
 * fetched keep verifying tokens, so the API still serves everyone signed in; operators see here that new keys
 * (a key rotation) could not be fetched. Asked at most every 10 s.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderReadiness implements HealthCheck {

    private static final Duration KEEP = Duration.ofSeconds(10);

    @ConfigProperty(name = "mp.jwt.verify.publickey.location", defaultValue = "NONE")
    String jwksUrl;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String lastAnswer;
    private volatile Instant askedAt = Instant.EPOCH;

    @Override
    public HealthCheckResponse call() {
        if (!jwksUrl.startsWith("http")) {
            return HealthCheckResponse.named("identity-provider")
                    .up()
                    .withData("jwks", "a key given in the configuration")
                    .build();
        }
        if (Instant.now().isAfter(askedAt.plus(KEEP))) {
            lastAnswer = ask();
            askedAt = Instant.now();
        }
        return HealthCheckResponse.named("identity-provider")
                .up()
                .withData("jwks", jwksUrl)
                .withData("answer", lastAnswer)
                .build();
    }

    private String ask() {
        try {
            int status = http.send(
                            HttpRequest.newBuilder(URI.create(jwksUrl))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status == 200 ? "reachable" : "unreachable: HTTP " + status;
        } catch (java.io.IOException e) {
            return "unreachable: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unreachable: interrupted";
        }
    }
}
