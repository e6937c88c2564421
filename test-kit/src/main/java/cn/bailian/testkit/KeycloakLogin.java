package cn.bailian.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in as an app does — Authorization Code with PKCE (S256) on the public client {@code bailian-app} — but
 * without a browser: it opens the authorization endpoint, posts Keycloak's login form, takes the code from the
 * redirect and exchanges it with the verifier. No password grant is needed on any client.
 * <p>
 * Also {@code bin/bailian token --user NAME [--password P] [--issuer URL]}: prints the access token of a demo
 * account of the local Keycloak (the dev password comes from the committed realm file when not given).
 */
public final class KeycloakLogin {

    public static final String APP_CLIENT = "bailian-app";
    public static final String REDIRECT_URI = "http://localhost/callback";
    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("<span[^>]*id=\"input-error[^\"]*\"[^>]*>\\s*([^<]+?)\\s*<");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the token endpoint answered. */
    public record Tokens(String accessToken, String refreshToken, JsonNode raw) {}

    private KeycloakLogin() {}

    /** Signs {@code username} in on {@code issuer}'s realm through {@link #APP_CLIENT}; fails with Keycloak's reason. */
    public static Tokens signIn(String issuer, String username, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        // Keycloak marks its cookies Secure (a browser still sends them to localhost); java.net's CookieManager
        // would not over plain HTTP, so they are carried by hand
        Map<String, String> cookies = new LinkedHashMap<>();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", APP_CLIENT);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", REDIRECT_URI);
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        HttpResponse<String> page = send(
                browser,
                cookies,
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?" + Keycloak.form(query)))
                        .GET());
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException(
                    "no login form from " + issuer + " (" + page.statusCode() + "): " + abbreviate(page.body()));
        }
        HttpResponse<String> login = send(
                browser,
                cookies,
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(Keycloak.form(
                                Map.of("username", username, "password", password, "credentialId", "")))));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || !location.startsWith(REDIRECT_URI)) {
            Matcher error = ERROR.matcher(login.body());
            throw new IllegalStateException("sign-in of " + username + " refused (" + login.statusCode() + "): "
                    + (error.find() ? error.group(1) : abbreviate(login.body())));
        }
        Map<String, String> answer = queryOf(URI.create(location));
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("the redirect carries no code for our state: " + location);
        }
        JsonNode tokens = Keycloak.post(
                issuer + "/protocol/openid-connect/token",
                null,
                Keycloak.form(Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        APP_CLIENT,
                        "code",
                        answer.get("code"),
                        "redirect_uri",
                        REDIRECT_URI,
                        "code_verifier",
                        verifier)));
        return new Tokens(
                tokens.path("access_token").asText(),
                tokens.path("refresh_token").asText(),
                tokens);
    }

    /** The refresh grant of {@link #APP_CLIENT}; Keycloak rotates the refresh token, so use the returned one next. */
    public static Tokens refresh(String issuer, String refreshToken) {
        JsonNode tokens = Keycloak.post(
                issuer + "/protocol/openid-connect/token",
                null,
                Keycloak.form(
                        Map.of("grant_type", "refresh_token", "client_id", APP_CLIENT, "refresh_token", refreshToken)));
        return new Tokens(
                tokens.path("access_token").asText(),
                tokens.path("refresh_token").asText(),
                tokens);
    }

    /** The claims of a token (its middle part), unverified: for tests and printing only. */
    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(
                            java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return fields;
    }

    private static HttpResponse<String> send(
            HttpClient client, Map<String, String> cookies, HttpRequest.Builder request) {
        try {
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
                        .append(name)
                        .append('=')
                        .append(value));
                request.header("Cookie", header.toString());
            }
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(
                            pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The dev password of a demo account, from the realm file's users. */
    static String demoPassword(Path realmFile, String username) throws IOException {
        for (JsonNode user : JSON.readTree(Files.readString(realmFile)).path("users")) {
            if (username.equals(user.path("username").asText())) {
                for (JsonNode credential : user.path("credentials")) {
                    if ("password".equals(credential.path("type").asText())) {
                        return credential.path("value").asText();
                    }
                }
            }
        }
        throw new IllegalArgumentException("no demo account " + username + " with a password in " + realmFile);
    }

    /** {@code bin/bailian token --user NAME}: prints one access token. */
    public static void main(String[] args) throws IOException {
        String user = null;
        String password = null;
        String issuer = "http://127.0.0.1:8180/realms/" + Keycloak.REALM;
        Path realm = Path.of("deploy/keycloak/realm-bailian.json");
        boolean understood = args.length % 2 == 0;
        for (int i = 0; understood && i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--issuer" -> issuer = value;
                case "--realm" -> realm = Path.of(value);
                default -> understood = false;
            }
        }
        if (!understood || user == null) {
            System.err.println("usage: bin/bailian token --user NAME [--password P] [--issuer URL]");
            System.exit(2);
        }
        try {
            Tokens tokens = signIn(issuer, user, password != null ? password : demoPassword(realm, user));
            System.out.println(tokens.accessToken());
        } catch (RuntimeException e) {
            System.err.println("bailian token: " + e.getMessage());
            System.exit(1);
        }
    }
}
