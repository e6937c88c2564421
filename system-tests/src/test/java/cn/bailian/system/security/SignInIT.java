package cn.bailian.system.security;

import static cn.bailian.system.Api.as;
import static cn.bailian.system.Steps.EVENTUALLY;
import static cn.bailian.system.Steps.awaitKnownEverywhere;
import static cn.bailian.system.Steps.createFarm;
import static cn.bailian.system.Steps.createPlot;
import static cn.bailian.system.Steps.createVenue;
import static cn.bailian.system.Steps.publishedActivity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.bailian.system.Api;
import cn.bailian.system.Platform;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.Keycloak;
import cn.bailian.testkit.KeycloakLogin;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sign-in against the run's real Keycloak (realm bailian from deploy/keycloak/realm-bailian.json): Authorization
 * Code with PKCE over HTTP as an app does, the claims the platform sets on an account, and the tokens the services
 * must refuse.
 */
class SignInIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "lotus-pond-2026";

    private static Keycloak keycloak() {
        return Platform.get().keycloak();
    }

    /**
     * An account as the platform's admin client sets it up once staff approved the link: RESIDENT, with the
     * resident's id and community as admin-only attributes. Answers Keycloak's id of the account.
     */
    private static String linkedAccount(String username, UUID resident, UUID community) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", "居民");
        user.put(
                "attributes",
                Map.of("residentId", List.of(resident.toString()), "communityId", List.of(community.toString())));
        user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        HttpResponse<String> created = keycloak().admin("POST", "/users", user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        try {
            String role = keycloak().admin("GET", "/roles/RESIDENT", null).body();
            HttpResponse<String> granted =
                    keycloak().admin("POST", "/users/" + id + "/role-mappings/realm", List.of(JSON.readTree(role)));
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(204);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    @Test
    void aResidentSignsInWithPkceThenClaimsAPlotAndEnrolsTheirChild() {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-登录");
        UUID mother = place.register(place.householdId(), "林晓", "13800000071", "SELF");
        UUID child = UUID.fromString(as(place.staffToken(), "resident-service")
                .body(Map.of(
                        "name",
                        "林小宝",
                        "gender",
                        "MALE",
                        "birthDate",
                        "2018-06-01",
                        "phone",
                        "13800000076",
                        "residencyType",
                        "PERMANENT",
                        "householdId",
                        place.householdId(),
                        "relationToHead",
                        "CHILD"))
                .post("/api/v1/residents")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        awaitKnownEverywhere(place, mother);
        linkedAccount("13800000071", mother, place.communityId());

        KeycloakLogin.Tokens tokens = KeycloakLogin.signIn(keycloak().issuer(), "13800000071", PASSWORD);
        var claims = KeycloakLogin.claims(tokens.accessToken());
        assertThat(claims.path("aud").toString()).contains("bailian-api");
        assertThat(claims.path("residentId").asText()).isEqualTo(mother.toString());
        assertThat(claims.path("groups").toString()).contains("RESIDENT");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
        String token = tokens.accessToken();

        as(token, "resident-service")
                .body(Map.of("guardianId", mother, "relation", "MOTHER"))
                .post("/api/v1/residents/" + child + "/guardians")
                .then()
                .statusCode(201);
        UUID plot = createPlot(place, createFarm(place), "K-01", 0);
        as(token, "farm-service")
                .body(Map.of("residentId", mother))
                .post("/api/v1/plots/" + plot + "/claims")
                .then()
                .statusCode(201);
        UUID activity = publishedActivity(
                place, createVenue(place), 5, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30));
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> as(token, "activity-service")
                        .body(Map.of("participantId", child, "guardianId", mother))
                        .post("/api/v1/activities/" + activity + "/enrollments")
                        .then()
                        .statusCode(201));

        // the refresh token is rotated: the new one works once, the old one no more
        KeycloakLogin.Tokens refreshed = KeycloakLogin.refresh(keycloak().issuer(), tokens.refreshToken());
        as(refreshed.accessToken(), "resident-service")
                .get("/api/v1/residents/" + mother)
                .then()
                .statusCode(200);
        assertThatThrownBy(() -> KeycloakLogin.refresh(keycloak().issuer(), tokens.refreshToken()))
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void aResidentWhoEditsTheirOwnAttributesThroughKeycloaksAccountApiStillActsOnlyAsThemselves() throws Exception {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-自改属性");
        UUID self = place.register(place.householdId(), "周一", "13800000072", "SELF");
        UUID neighbour = place.register(place.newHousehold("702"), "吴二", "13800000073", "SELF");
        String account = linkedAccount("13800000072", self, place.communityId());
        String token = KeycloakLogin.signIn(keycloak().issuer(), "13800000072", PASSWORD)
                .accessToken();

        // Keycloak's account REST API, as the account console would call it, claiming the neighbour's identity
        String profile = "{\"username\":\"13800000072\",\"firstName\":\"居民\",\"attributes\":{\"residentId\":[\""
                + neighbour + "\"],\"communityId\":[\"" + UUID.randomUUID() + "\"]}}";
        HttpResponse<String> edit = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak().issuer() + "/account"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(profile))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        // whatever Keycloak answers (it ignores or refuses attributes the user may not edit), nothing changed
        var stored = JSON.readTree(
                        keycloak().admin("GET", "/users/" + account, null).body())
                .path("attributes");
        assertThat(stored.path("residentId").toString())
                .as("account API answered %s %s", edit.statusCode(), edit.body())
                .isEqualTo("[\"" + self + "\"]");
        assertThat(stored.path("communityId").toString()).isEqualTo("[\"" + place.communityId() + "\"]");

        String next = KeycloakLogin.signIn(keycloak().issuer(), "13800000072", PASSWORD)
                .accessToken();
        assertThat(KeycloakLogin.claims(next).path("residentId").asText()).isEqualTo(self.toString());
        as(next, "resident-service").get("/api/v1/residents/" + self).then().statusCode(200);
        as(next, "resident-service")
                .get("/api/v1/residents/" + neighbour)
                .then()
                .statusCode(403);
    }

    @Test
    void tokensTheServicesMustRefuseAnswer401ProblemJson() throws Exception {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-伪造");
        UUID resident = place.register(place.householdId(), "郑三", "13800000074", "SELF");
        String path = "/api/v1/residents/" + resident;
        as(DevTokens.resident(resident, place.communityId()), "resident-service")
                .get(path)
                .then()
                .statusCode(200);

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(
                "expired",
                DevTokens.mint(
                        "resident-" + resident,
                        Set.of("RESIDENT"),
                        place.communityId(),
                        resident,
                        Duration.ofMinutes(-5)));
        refused.put(
                "wrong audience",
                DevTokens.sign(
                        DevTokens.claims("s", Set.of("STAFF"), place.communityId(), null, Duration.ofMinutes(5))
                                .audience("another-api"),
                        DevTokens.keyPair().getPrivate()));
        refused.put(
                "wrong issuer",
                DevTokens.sign(
                        DevTokens.claims("s", Set.of("STAFF"), place.communityId(), null, Duration.ofMinutes(5))
                                .issuer(keycloak().baseUrl() + "/realms/other"),
                        DevTokens.keyPair().getPrivate()));
        // a real Keycloak token of another realm (master's admin): its issuer and key are not bailian's
        refused.put("another realm", keycloak().adminToken());
        String staffClaims = JSON.writeValueAsString(KeycloakLogin.claims(DevTokens.staff(place.communityId())));
        refused.put("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(staffClaims) + ".");
        // HS256 keyed with the realm's public key (the classic RS/HS confusion)
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + DevTokens.keyId() + "\"}");
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(DevTokens.publicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String signingInput = header + "." + b64(staffClaims);
        refused.put(
                "HS256 with the public key",
                signingInput + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));

        refused.forEach((why, token) -> {
            Response response = given().baseUri(Platform.get().url("resident-service"))
                    .auth()
                    .oauth2(token)
                    .header("Accept-Language", "en")
                    .get(path);
            assertThat(response.statusCode()).as(why).isEqualTo(401);
            assertThat(response.contentType()).as(why).startsWith("application/problem+json");
        });
    }

    @Test
    void tokensKeepVerifyingWhileKeycloakIsDown() {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-停机");
        UUID resident = place.register(place.householdId(), "王四", "13800000075", "SELF");
        linkedAccount("13800000075", resident, place.communityId());
        String token = KeycloakLogin.signIn(keycloak().issuer(), "13800000075", PASSWORD)
                .accessToken();
        as(token, "resident-service")
                .get("/api/v1/residents/" + resident)
                .then()
                .statusCode(200);

        keycloak().stop();
        try {
            // resident-service fetched the realm's keys for the first token and keeps them
            as(token, "resident-service")
                    .get("/api/v1/residents/" + resident)
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(resident.toString()));
            given().baseUri(Platform.get().url("resident-service"))
                    .get("/q/health/live")
                    .then()
                    .statusCode(200);
            // readiness stays UP (the kept keys still verify) and says the identity provider does not answer
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().baseUri(Platform.get().url("resident-service"))
                            .get("/q/health/ready")
                            .then()
                            .statusCode(200)
                            .body(
                                    "checks.find { it.name == 'identity-provider' }.data.answer",
                                    startsWith("unreachable")));
        } finally {
            keycloak().start(Duration.ofSeconds(300));
        }
        given().baseUri(Platform.get().url("resident-service"))
                .contentType(ContentType.JSON)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/"));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
