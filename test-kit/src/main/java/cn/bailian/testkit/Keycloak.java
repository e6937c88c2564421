package cn.bailian.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak (the {@code org.keycloak:keycloak-quarkus-dist} zip from Maven Central, run with {@code kc.sh
 * start-dev} on the Java that runs this class) with its own database on our PostgreSQL server and the realm of
 * {@code deploy/keycloak/realm-bailian.json} imported at start (kept when it already exists). Used by
 * {@link LocalStack} for {@code bin/bailian up} and by the system tests, one per run.
 * <p>
 * The zip comes through Maven, never from anywhere else: {@code bailian.keycloak.zip} (system property) or
 * {@code BAILIAN_KEYCLOAK_ZIP} names it; else it is looked for in the local Maven repository, where
 * {@code mvn dependency:copy} or the system tests' build put it.
 */
public final class Keycloak {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "bailian";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path home;
    private final Path realmFile;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private final String adminPassword;
    private Process process;

    private Keycloak(Path home, Path realmFile, int port, Map<String, String> env, Path log, String adminPassword) {
        this.home = home;
        this.realmFile = realmFile;
        this.port = port;
        this.env = env;
        this.log = log;
        this.adminPassword = adminPassword;
    }

    /**
     * A Keycloak unpacked under {@code dataDirectory/keycloak-VERSION}, its database {@code database} on
     * {@code postgres} (created when missing), its log in {@code dataDirectory/keycloak.log}. Not started yet.
     */
    public static Keycloak at(
            Path dataDirectory, Path realmFile, int port, Postgres postgres, String database, String adminPassword) {
        postgres.ensureDatabase(database);
        Path home = unpack(dataDirectory);
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_DB", "postgres");
        env.put("KC_DB_URL", postgres.jdbcUrl(database));
        env.put("KC_DB_USERNAME", postgres.user());
        env.put("KC_DB_PASSWORD", postgres.password());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        // the management interface (health, metrics) would take port 9000, which a service may use
        env.put("KC_HTTP_MANAGEMENT_PORT", Integer.toString(KafkaBroker.freePort()));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        return new Keycloak(home, realmFile, port, env, dataDirectory.resolve("keycloak.log"), adminPassword);
    }

    /** The zip from Maven (see the class comment). */
    public static Path distribution() {
        String named = System.getProperty("bailian.keycloak.zip", System.getenv("BAILIAN_KEYCLOAK_ZIP"));
        Path zip = named != null && !named.isBlank()
                ? Path.of(named)
                : Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"))
                        .resolve("org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION
                                + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak " + VERSION + " is not at " + zip + ": get it through Maven with "
                    + "mvn dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:" + VERSION
                    + ":zip -DoutputDirectory=DIR "
                    + "and set BAILIAN_KEYCLOAK_ZIP=DIR/keycloak-quarkus-dist-" + VERSION + ".zip");
        }
        return zip;
    }

    private static Path unpack(Path dataDirectory) {
        Path home = dataDirectory.resolve("keycloak-" + VERSION);
        Path done = home.resolve(".unpacked");
        if (Files.exists(done)) {
            return home;
        }
        Path zip = distribution();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            Files.createDirectories(dataDirectory);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                // the zip's entries all start with keycloak-VERSION/
                Path target = dataDirectory.resolve(name).normalize();
                if (!target.startsWith(home)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
            Files.createFile(done);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip, e);
        }
        return home;
    }

    /** Starts Keycloak and waits (up to {@code timeout}) until the realm's discovery document answers. */
    public synchronized void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve("realm-" + REALM + ".json"), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-port=" + port,
                            "--http-host=127.0.0.1",
                            "--hostname=" + baseUrl(),
                            "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status(issuer() + "/.well-known/openid-configuration") != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak exited with " + process.exitValue() + " before it answered; log: " + log);
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException(
                        "Keycloak did not answer within " + timeout.toSeconds() + " s; log: " + log);
            }
            sleep(500);
        }
    }

    /** Stops Keycloak (SIGTERM, then after 30 s SIGKILL) with whatever it started. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The {@code iss} of the realm's tokens. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String authorizationEndpoint() {
        return issuer() + "/protocol/openid-connect/auth";
    }

    public Path log() {
        return log;
    }

    /** A token of the master realm's bootstrap admin, for the Admin REST API. */
    public String adminToken() {
        JsonNode token = post(
                baseUrl() + "/realms/master/protocol/openid-connect/token",
                null,
                form(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        "admin",
                        "password",
                        adminPassword)));
        return token.path("access_token").asText();
    }

    /** Client credentials grant: the access token of a confidential client. */
    public String clientToken(String clientId, String secret) {
        return post(
                        tokenEndpoint(),
                        null,
                        form(Map.of(
                                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)))
                .path("access_token")
                .asText();
    }

    /**
     * A call to the realm's Admin REST API ({@code path} below {@code /admin/realms/bailian}); answers the status and
     * the body, or for a 201 the id at the end of its Location.
     */
    public HttpResponse<String> admin(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(baseUrl() + "/admin/realms/" + REALM + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminToken())
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds DevTokens' key pair to the realm as one more RSA key of the lowest priority (Keycloak never signs with
     * it, but publishes it in the JWKS), and points DevTokens at this realm's issuer and that key's id. Tests and
     * the demo loader then mint tokens for residents and communities no account exists for, and the services verify
     * them exactly as Keycloak's own. Only a local or test realm ever gets this key.
     */
    public void trustDevTokens() {
        try {
            String realmId =
                    JSON.readTree(admin("GET", "", null).body()).path("id").asText();
            // one such key at a time: an earlier run's (bin/bailian up keeps the realm) goes
            for (JsonNode old : JSON.readTree(
                    admin("GET", "/components?type=org.keycloak.keys.KeyProvider&name=bailian-dev-token-key", null)
                            .body())) {
                admin("DELETE", "/components/" + old.path("id").asText(), null);
            }
            HttpResponse<String> created = admin(
                    "POST",
                    "/components",
                    Map.of(
                            "name", "bailian-dev-token-key",
                            "providerId", "rsa",
                            "providerType", "org.keycloak.keys.KeyProvider",
                            "parentId", realmId,
                            "config",
                                    Map.of(
                                            "priority", java.util.List.of("-100"),
                                            "enabled", java.util.List.of("true"),
                                            "active", java.util.List.of("true"),
                                            "algorithm", java.util.List.of("RS256"),
                                            "privateKey", java.util.List.of(DevTokens.privateKeyPem()))));
            if (created.statusCode() != 201) {
                throw new IllegalStateException(
                        "Keycloak refused the dev token key: " + created.statusCode() + " " + created.body());
            }
            // Keycloak names the key itself: find it in the published JWKS by its modulus
            byte[] modulus = ((java.security.interfaces.RSAPublicKey)
                            DevTokens.keyPair().getPublic())
                    .getModulus()
                    .toByteArray();
            if (modulus[0] == 0) {
                modulus = java.util.Arrays.copyOfRange(modulus, 1, modulus.length);
            }
            String n = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(modulus);
            JsonNode jwks = JSON.readTree(HTTP.send(
                            HttpRequest.newBuilder(URI.create(jwksUrl())).build(), HttpResponse.BodyHandlers.ofString())
                    .body());
            for (JsonNode key : jwks.path("keys")) {
                if (n.equals(key.path("n").asText())) {
                    System.setProperty(DevTokens.KID_PROPERTY, key.path("kid").asText());
                    System.setProperty(DevTokens.ISSUER_PROPERTY, issuer());
                    return;
                }
            }
            throw new IllegalStateException("the dev token key is not in " + jwksUrl() + ": " + jwks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One line per demo account and confidential client of the realm file, with its dev password or secret. */
    public static java.util.List<String> demoAccounts(Path realmFile) throws IOException {
        JsonNode realm = JSON.readTree(Files.readString(realmFile));
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asText())) {
                    java.util.List<String> roles = new java.util.ArrayList<>();
                    user.path("realmRoles").forEach(role -> {
                        if (!role.asText().startsWith("default-roles")) {
                            roles.add(role.asText());
                        }
                    });
                    lines.add(String.format(
                            "%-22s password %-22s %s",
                            user.path("username").asText(),
                            credential.path("value").asText(),
                            String.join(",", roles)));
                }
            }
        }
        for (JsonNode client : realm.path("clients")) {
            if (client.path("serviceAccountsEnabled").asBoolean() && client.has("secret")) {
                lines.add(String.format(
                        "%-22s secret   %-22s SERVICE (client credentials)",
                        client.path("clientId").asText(), client.path("secret").asText()));
            }
        }
        return lines;
    }

    static String form(Map<String, String> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    static JsonNode post(String url, String bearer, String form) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // Keycloak says why in the body (invalid_grant, the user profile's complaint…)
                throw new IllegalStateException(
                        "POST " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(String url) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
