package cn.bailian.kit.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service must not run with token checks that anyone could satisfy. In production (neither the dev nor the test
 * profile) it refuses to start unless the identity provider's issuer and JWKS are named as http(s) URLs and an
 * audience is required, and it refuses a key given inline ({@code mp.jwt.verify.publickey}): that is how tests
 * hand in their key, never a production key. The dev profile is refused in our container image and in a
 * Kubernetes pod, where only production belongs.
 */
@ApplicationScoped
public class ProductionSecurityCheck {

    void onStart(@Observes StartupEvent start) {
        List<String> problems = problems(ConfigUtils.getProfiles(), ConfigProvider.getConfig(), System.getenv());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start: " + String.join("; ", problems));
        }
    }

    static List<String> problems(List<String> profiles, Config config, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        // our images set BAILIAN_CONTAINER_IMAGE; Kubernetes sets KUBERNETES_SERVICE_HOST in every pod
        boolean inContainer = environment.containsKey("KUBERNETES_SERVICE_HOST")
                || environment.containsKey("BAILIAN_CONTAINER_IMAGE");
        if (profiles.contains("dev") && inContainer) {
            problems.add("the dev profile runs in a container or pod; production runs with the prod profile");
        }
        if (profiles.contains("dev") || profiles.contains("test")) {
            return problems;
        }
        if (!isHttpUrl(value(config, "mp.jwt.verify.issuer"))) {
            problems.add("no token issuer (set BAILIAN_JWT_ISSUER to the realm's issuer URL)");
        }
        if (!isHttpUrl(value(config, "mp.jwt.verify.publickey.location"))) {
            problems.add("no JWKS URL of the identity provider (set BAILIAN_JWKS_URL)");
        }
        if (value(config, "mp.jwt.verify.audiences").isEmpty()) {
            problems.add("no token audience required (mp.jwt.verify.audiences)");
        }
        if (!value(config, "mp.jwt.verify.publickey").isEmpty()) {
            problems.add(
                    "a signing key is configured inline (mp.jwt.verify.publickey): a dev or test key, never production's");
        }
        return problems;
    }

    private static String value(Config config, String name) {
        Optional<String> value = config.getOptionalValue(name, String.class);
        return value.map(String::trim).orElse("");
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
