package cn.bailian.farm.journal;

import static cn.bailian.farm.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.farm.Fixtures;
import cn.bailian.farm.Fixtures.Resident;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class JournalResourceTest {

    private static EventProbe events;

    @BeforeAll
    static void probe() {
        events = EventProbe.on(Fixtures.FARM_TOPIC);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void theClaimantLogsTheSeasonAndTheCommunitySeesIt() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID a = Fixtures.plot(farm, community, "A-01", 0, 0);
        UUID b = Fixtures.plot(farm, community, "A-02", 0, 1);
        Resident grower = Fixtures.resident(community);
        Resident neighbour = Fixtures.resident(community);
        Fixtures.claim(a, grower);
        Fixtures.claim(b, neighbour);
        String journal = "/api/v1/plots/" + a + "/journal";

        as(grower.token())
                .body(Map.of("kind", "SOWING", "crop", "小白菜", "note", "撒种两行"))
                .post(journal)
                .then()
                .statusCode(201)
                .body("kind", equalTo("SOWING"))
                .body("residentName", equalTo("胡*"));
        String harvest = as(grower.token())
                .body(Map.of(
                        "kind",
                        "HARVEST",
                        "crop",
                        "小白菜",
                        "quantityGrams",
                        1200,
                        "photoUrl",
                        "https://img.bailian.example/p/1.jpg"))
                .post(journal)
                .then()
                .statusCode(201)
                .body("quantityGrams", equalTo(1200))
                .extract()
                .path("id");
        as(neighbour.token())
                .body(Map.of("kind", "NOTE", "note", "番茄要搭架子"))
                .post("/api/v1/plots/" + b + "/journal")
                .then()
                .statusCode(201);

        var event = events.await(
                "cn.bailian.farm.journal.recorded.v1", e -> e.subject().equals(harvest));
        assertThat(event.data().path("kind").asText()).isEqualTo("HARVEST");
        assertThat(event.data().path("crop").asText()).isEqualTo("小白菜");
        assertThat(event.data().path("quantityGrams").asInt()).isEqualTo(1200);
        assertThat(event.data().path("residentId").asText())
                .isEqualTo(grower.id().toString());

        given().get(journal)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.kind", contains("HARVEST", "SOWING"));
        String feed = given().get("/api/v1/farms/" + farm + "/journal")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items[0].plotCode", equalTo("A-02"))
                .extract()
                .asString();
        assertThat(feed)
                .doesNotContain(grower.id().toString())
                .doesNotContain(neighbour.id().toString());
    }

    @Test
    void onlyTheClaimantMayWrite() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "B-01", 0, 0);
        UUID unclaimed = Fixtures.plot(farm, community, "B-02", 0, 1);
        Resident grower = Fixtures.resident(community);
        Resident other = Fixtures.resident(community);
        Fixtures.claim(plot, grower);
        Map<String, Object> watering = Map.of("kind", "WATERING");

        given().contentType("application/json")
                .body(watering)
                .post("/api/v1/plots/" + plot + "/journal")
                .then()
                .statusCode(401);
        as(other.token())
                .body(watering)
                .post("/api/v1/plots/" + plot + "/journal")
                .then()
                .statusCode(403)
                .body("code", equalTo("NOT_PLOT_CLAIMANT"));
        as(DevTokens.staff(community))
                .body(watering)
                .post("/api/v1/plots/" + plot + "/journal")
                .then()
                .statusCode(403);
        as(grower.token())
                .body(watering)
                .post("/api/v1/plots/" + unclaimed + "/journal")
                .then()
                .statusCode(403);
        as(grower.token())
                .body(watering)
                .post("/api/v1/plots/" + UUID.randomUUID() + "/journal")
                .then()
                .statusCode(404);
        assertThat(Fixtures.count("select count(*) from journal_entry where plot_id = ?", plot))
                .isZero();
    }

    @Test
    void aHarvestCarriesCropAndWeightAndNothingElseDoes() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "C-01", 0, 0);
        Resident grower = Fixtures.resident(community);
        Fixtures.claim(plot, grower);
        String journal = "/api/v1/plots/" + plot + "/journal";

        as(grower.token())
                .body(Map.of("kind", "HARVEST", "crop", "萝卜"))
                .post(journal)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("quantityGrams"));
        as(grower.token())
                .body(Map.of("kind", "WATERING", "quantityGrams", 5))
                .post(journal)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("quantityGrams"));
        as(grower.token())
                .body(Map.of("kind", "PLANTING"))
                .post(journal)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as(grower.token())
                .body(Map.of("kind", "NOTE", "photoUrl", "javascript:alert(1)"))
                .post(journal)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("photoUrl"));
        assertThat(Fixtures.count("select count(*) from journal_entry where plot_id = ?", plot))
                .isZero();
    }
}
