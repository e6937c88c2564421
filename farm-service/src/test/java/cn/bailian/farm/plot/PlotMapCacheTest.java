package cn.bailian.farm.plot;

import static cn.bailian.farm.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.bailian.farm.Fixtures;
import cn.bailian.farm.Fixtures.Resident;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** The plot map and a plot come from the public cache, and what changes them shows on the next read. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class PlotMapCacheTest {

    @Test
    void aClaimShowsOnTheNextReadOfTheCachedMap() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID a1 = Fixtures.plot(farm, community, "A-01", 0, 0);
        Resident r = Fixtures.resident(community);
        String path = "/api/v1/farms/" + farm + "/plots?size=100";

        Response first = given().get(path);
        Response second = given().get(path);
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(second.asString()).isEqualTo(first.asString()).contains("AVAILABLE");
        assertThat(second.header("Cache-Control")).isEqualTo("public, no-cache");
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        given().header("If-None-Match", first.header("ETag")).get(path).then().statusCode(304);
        // a token, even a bad one, reads the same public answer
        assertThat(given().header("Authorization", "Bearer " + r.token())
                        .get(path)
                        .asString())
                .isEqualTo(first.asString());
        given().header("Authorization", "Bearer not.a.token").get(path).then().statusCode(200);

        Fixtures.claim(a1, r);
        Response after = given().get(path);
        assertThat(after.header("X-Cache")).isEqualTo("MISS");
        assertThat(after.<String>path("items[0].status")).isEqualTo("CLAIMED");
        assertThat(after.<String>path("items[0].holderName")).isEqualTo("胡*");
        assertThat(after.header("ETag")).isNotEqualTo(first.header("ETag"));
        given().header("If-None-Match", first.header("ETag")).get(path).then().statusCode(200);
    }

    @Test
    void aPlotKeepsItsVersionETagAndShowsAStatusChangeAtOnce() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "A-01", 0, 0);
        Response first = given().get("/api/v1/plots/" + plot);
        Response second = given().get("/api/v1/plots/" + plot);
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"0\"");
        assertThat(second.headers().getValues("ETag")).containsExactly("\"0\"");

        as(DevTokens.staff(community))
                .header("If-Match", second.header("ETag"))
                .body(Map.of("status", "MAINTENANCE"))
                .patch("/api/v1/plots/" + plot)
                .then()
                .statusCode(200);
        Response after = given().get("/api/v1/plots/" + plot);
        assertThat(after.<String>path("status")).isEqualTo("MAINTENANCE");
        assertThat(after.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aRenameConsumedFromResidentServiceShowsOnTheMapAtOnce() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID a1 = Fixtures.plot(farm, community, "A-01", 0, 0);
        Resident r = Fixtures.resident(community);
        Fixtures.claim(a1, r);
        String path = "/api/v1/farms/" + farm + "/plots";
        given().get(path).then().statusCode(200);
        assertThat(given().get(path).<String>path("items[0].holderName")).isEqualTo("胡*");

        Fixtures.send(
                r.id(),
                Fixtures.residentEvent(
                        "cn.bailian.resident.updated.v1",
                        r.id(),
                        OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1),
                        Fixtures.residentState(r.id(), community, r.householdId(), "李四", "ACTIVE")));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "李*"
                        .equals(Fixtures.queryString(
                                "select display_name from resident_projection where resident_id = ?", r.id())));
        assertThat(given().get(path).<String>path("items[0].holderName")).isEqualTo("李*");
    }

    @Test
    void anUnknownFarmIsNotKept() {
        String path = "/api/v1/farms/" + UUID.randomUUID() + "/plots";
        for (int i = 0; i < 2; i++) {
            Response r = given().get(path);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.header("X-Cache")).isNull();
        }
    }
}
