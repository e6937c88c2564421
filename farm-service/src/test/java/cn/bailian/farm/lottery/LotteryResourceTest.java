package cn.bailian.farm.lottery;

import static cn.bailian.farm.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.farm.Fixtures;
import cn.bailian.farm.Fixtures.Resident;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class LotteryResourceTest {

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
    void aDrawIsPublishedAndAnyoneCanReRunIt() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        List<UUID> plots = List.of(
                Fixtures.plot(farm, community, "A-01", 0, 0),
                Fixtures.plot(farm, community, "A-02", 0, 1),
                Fixtures.plot(farm, community, "A-03", 0, 2));
        List<Resident> people = Fixtures.residents(community, 8);
        for (Resident r : people) {
            Fixtures.join(farm, r);
        }

        as(people.get(0).token())
                .body(Map.of("plotCount", 2))
                .post("/api/v1/farms/" + farm + "/lotteries")
                .then()
                .statusCode(403);
        as(DevTokens.staff(UUID.randomUUID()))
                .body(Map.of("plotCount", 2))
                .post("/api/v1/farms/" + farm + "/lotteries")
                .then()
                .statusCode(403);
        as(DevTokens.staff(community))
                .body(Map.of("plotCount", 4))
                .post("/api/v1/farms/" + farm + "/lotteries")
                .then()
                .statusCode(422)
                .body("code", equalTo("NOT_ENOUGH_PLOTS"));

        JsonPath drawn = as(DevTokens.staff(community))
                .body(Map.of("plotCount", 2, "seed", 20260315L))
                .post("/api/v1/farms/" + farm + "/lotteries")
                .then()
                .statusCode(201)
                .body("seed", equalTo(20260315))
                .body("winners.size()", equalTo(2))
                .body("inputResidentIds.size()", equalTo(8))
                .extract()
                .jsonPath();
        String lotteryId = drawn.getString("id");
        List<String> winners = drawn.getList("winners.residentId");
        // the input is the waitlist in joining order
        assertThat(drawn.getList("inputResidentIds", String.class))
                .containsExactlyElementsOf(
                        people.stream().map(p -> p.id().toString()).toList());
        assertThat(drawn.getList("winners.plotId", String.class))
                .containsExactly(plots.get(0).toString(), plots.get(1).toString());

        // the same seed and inputs give the same winners, which is what the public verification shows
        given().get("/api/v1/lotteries/" + lotteryId + "/verify")
                .then()
                .statusCode(200)
                .body("matches", equalTo(true))
                .body("recomputedInputHash", equalTo(drawn.getString("inputHash")))
                .body("recomputedWinners.residentId", equalTo(winners));
        given().get("/api/v1/lotteries/" + lotteryId)
                .then()
                .statusCode(200)
                .body("inputHash", equalTo(drawn.getString("inputHash")));

        var event = events.await(
                "cn.bailian.farm.lottery.drawn.v1", e -> e.subject().equals(lotteryId));
        assertThat(event.data().path("seed").asLong()).isEqualTo(20260315L);
        assertThat(event.data().path("inputHash").asText()).isEqualTo(drawn.getString("inputHash"));
        assertThat(event.data().path("winners").size()).isEqualTo(2);
        assertThat(event.data().path("winners").get(0).path("residentId").asText())
                .isEqualTo(winners.get(0));

        // winners hold offers on the drawn plots; the third plot stays free
        for (int i = 0; i < 2; i++) {
            assertThat(Fixtures.queryString(
                            "select resident_id from offer where plot_id = ? and status = 'PENDING'", plots.get(i)))
                    .isEqualTo(winners.get(i));
        }
        assertThat(Fixtures.plotStatus(plots.get(2))).isEqualTo("AVAILABLE");
        String offer =
                Fixtures.queryString("select id from offer where plot_id = ? and status = 'PENDING'", plots.get(0));
        Resident winner = people.stream()
                .filter(p -> p.id().toString().equals(winners.get(0)))
                .findFirst()
                .orElseThrow();
        as(winner.token()).post("/api/v1/offers/" + offer + "/accept").then().statusCode(201);
    }

    @Test
    void tamperingWithTheRecordIsDetected() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        Fixtures.plot(farm, community, "A-01", 0, 0);
        List<Resident> people = Fixtures.residents(community, 4);
        people.forEach(r -> Fixtures.join(farm, r));
        String lotteryId = as(DevTokens.staff(community))
                .body(Map.of("plotCount", 1))
                .post("/api/v1/farms/" + farm + "/lotteries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().get("/api/v1/lotteries/" + lotteryId + "/verify").then().body("matches", equalTo(true));

        String winner =
                given().get("/api/v1/lotteries/" + lotteryId).then().extract().path("winners[0].residentId");
        String loser = people.stream()
                .map(p -> p.id().toString())
                .filter(id -> !id.equals(winner))
                .findFirst()
                .orElseThrow();

        // a record edited after the draw no longer matches its own re-run
        Fixtures.execute(
                "update lottery set winners = replace(winners, ?, ?) where id = ?::uuid", winner, loser, lotteryId);
        given().get("/api/v1/lotteries/" + lotteryId + "/verify")
                .then()
                .statusCode(200)
                .body("matches", equalTo(false))
                .body("recomputedWinners[0].residentId", equalTo(winner));
        Fixtures.execute(
                "update lottery set winners = replace(winners, ?, ?) where id = ?::uuid", loser, winner, lotteryId);
        given().get("/api/v1/lotteries/" + lotteryId + "/verify").then().body("matches", equalTo(true));
        Fixtures.execute("update lottery set input_hash = repeat('0', 64) where id = ?::uuid", lotteryId);
        given().get("/api/v1/lotteries/" + lotteryId + "/verify").then().body("matches", equalTo(false));
    }

    @Test
    void aLotteryNeedsSomeoneWaiting() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        Fixtures.plot(farm, community, "A-01", 0, 0);
        as(DevTokens.staff(community))
                .body(Map.of("plotCount", 1))
                .post("/api/v1/farms/" + farm + "/lotteries")
                .then()
                .statusCode(422)
                .body("code", equalTo("WAITLIST_EMPTY"));
        given().get("/api/v1/lotteries/" + UUID.randomUUID() + "/verify")
                .then()
                .statusCode(404)
                .body("code", equalTo("LOTTERY_NOT_FOUND"));
    }
}
