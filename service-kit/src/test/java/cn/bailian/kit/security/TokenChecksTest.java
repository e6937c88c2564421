package cn.bailian.kit.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the kit accepts as a token: ours (issuer, audience bailian-api, RS256 by the configured key, not expired),
 * nothing else; the Keycloak-shaped claims (a list of communities, sub beside preferred_username) read right.
 * The same attacks against the real Keycloak are in system-tests' SignInIT.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class TokenChecksTest {

    private static final String PROBLEM = "application/problem+json";

    private static JwtClaimsBuilder staffClaims(UUID community) {
        return DevTokens.claims("staff-account", Set.of("STAFF"), community, null, Duration.ofMinutes(5));
    }

    private static void refused(String token) {
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/notes/staff-only")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void ourTokenIsAccepted() {
        given().auth()
                .oauth2(DevTokens.sign(
                        staffClaims(UUID.randomUUID()), DevTokens.keyPair().getPrivate()))
                .when()
                .get("/api/v1/notes/staff-only")
                .then()
                .statusCode(200);
    }

    @Test
    void anotherAudienceIsRefused() {
        refused(DevTokens.sign(
                staffClaims(UUID.randomUUID()).audience("another-api"),
                DevTokens.keyPair().getPrivate()));
    }

    @Test
    void noAudienceIsRefused() {
        refused(DevTokens.sign(
                staffClaims(UUID.randomUUID()).audience(Set.of()),
                DevTokens.keyPair().getPrivate()));
    }

    @Test
    void anotherIssuerIsRefused() {
        refused(DevTokens.sign(
                staffClaims(UUID.randomUUID()).issuer("https://auth.example/realms/other"),
                DevTokens.keyPair().getPrivate()));
    }

    @Test
    void anotherKeyIsRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        refused(DevTokens.sign(
                staffClaims(UUID.randomUUID()), rsa.generateKeyPair().getPrivate()));
    }

    @Test
    void expiredBeyondTheSkewIsRefused() {
        refused(DevTokens.mint("s", Set.of("STAFF"), UUID.randomUUID(), null, Duration.ofSeconds(-90)));
    }

    @Test
    void unsignedAndHmacTokensAreRefused() throws Exception {
        String claims = payload(DevTokens.sign(
                staffClaims(UUID.randomUUID()), DevTokens.keyPair().getPrivate()));
        refused(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + claims + ".");
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + DevTokens.keyId() + "\"}") + "." + claims;
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(DevTokens.publicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        refused(input + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void staffOfSeveralCommunitiesActInEachAndTheSubjectIsSubNotTheUsername() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String token = DevTokens.sign(
                DevTokens.claims("0b1c2d3e-account", Set.of("STAFF"), null, null, Duration.ofMinutes(5))
                        .claim("communityId", List.of(first.toString(), second.toString()))
                        .claim("preferred_username", "13800000099")
                        .upn("13800000099"),
                DevTokens.keyPair().getPrivate());
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/notes/staff-of/" + second)
                .then()
                .statusCode(200)
                .body("subject", equalTo("0b1c2d3e-account"));
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/notes/staff-of/" + first)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/notes/staff-of/" + UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    private static String payload(String token) {
        return token.split("\\.")[1];
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
