package cn.bailian.system;

import static cn.bailian.system.Api.as;
import static cn.bailian.system.Steps.EVENTUALLY;
import static cn.bailian.system.Steps.awaitKnownEverywhere;
import static cn.bailian.system.Steps.createFarm;
import static cn.bailian.system.Steps.createPlot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import cn.bailian.testkit.Race;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Services stop, die and run twice; the flows still complete, once. */
class ResilienceIT {

    private static final String CLAIMED = "cn.bailian.farm.plot.claimed.v1";

    @Test
    void aFlowCompletesAcrossARestartOfTheConsumingService() {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-重启");
        ServiceProcess farm = Platform.get().service("farm-service");
        farm.stop();
        UUID resident;
        try {
            resident = place.register(place.householdId(), "吴十", "13800000041", "SELF");
        } finally {
            farm.start();
        }
        // the consumer group resumes from its committed offset and applies what it missed
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> as(place.staffToken(), "farm-service")
                        .get("/api/v1/residents/" + resident + "/eligibility")
                        .then()
                        .statusCode(200)
                        .body("eligible", equalTo(true)));
    }

    @Test
    void anAcknowledgedWriteSurvivesTheProducerBeingKilledAndItsEventStillArrives() throws Exception {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-断电");
        ServiceProcess residents = Platform.get().service("resident-service");
        Platform.get().kafka().stop(); // the event can only wait in the outbox
        UUID resident;
        try {
            resident = place.register(place.householdId(), "郑十一", "13800000042", "SELF");
            residents.kill();
        } finally {
            Platform.get().kafka().start();
        }
        residents.start();
        as(place.staffToken(), "resident-service")
                .get("/api/v1/residents/" + resident)
                .then()
                .statusCode(200);
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> as(place.staffToken(), "farm-service")
                        .get("/api/v1/residents/" + resident + "/eligibility")
                        .then()
                        .statusCode(200)
                        .body("eligible", equalTo(true)));
    }

    @Test
    void twoFarmReplicasOnOneDatabaseClaimOncePublishOnceAndApplyOnce() throws Exception {
        ServiceProcess second = Platform.get().replica("farm-service", "farm-service-2");
        second.start();
        try (EventProbe farmEvents = EventProbe.on(Platform.get().kafka().bootstrapServers(), "bailian.farm.events")) {
            Api.Neighbourhood place = Api.neighbourhood("白莲社区-双实例");
            List<UUID> residents = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                residents.add(place.register(
                        place.newHousehold("9" + i), "冯" + i, "1390000" + String.format("%04d", 100 + i), "SELF"));
            }
            for (UUID resident : residents) {
                awaitKnownEverywhere(place, resident);
            }
            UUID farm = createFarm(place);
            List<UUID> plots = List.of(
                    createPlot(place, farm, "R-01", 0),
                    createPlot(place, farm, "R-02", 1),
                    createPlot(place, farm, "R-03", 2));

            // every resident tries every plot, alternating between the two instances
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < residents.size(); i++) {
                UUID resident = residents.get(i);
                String base = i % 2 == 0 ? Platform.get().url("farm-service") : second.baseUrl();
                for (UUID plot : plots) {
                    calls.add(() -> io.restassured.RestAssured.given()
                            .baseUri(base)
                            .contentType("application/json")
                            .auth()
                            .oauth2(DevTokens.resident(resident, place.communityId()))
                            .body(Map.of("residentId", resident))
                            .post("/api/v1/plots/" + plot + "/claims")
                            .statusCode());
                }
            }
            List<Integer> statuses = Race.run(calls);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(plots.size());
            assertThat(statuses).allMatch(s -> s == 201 || s == 409);

            // each claim published exactly once, whichever instance's relay sent it
            for (UUID plot : plots) {
                farmEvents.await(
                        CLAIMED, r -> r.data().path("plotId").asText().equals(plot.toString()), Duration.ofSeconds(60));
            }
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (UUID plot : plots) {
                    assertThat(farmEvents.count(
                                    CLAIMED,
                                    r -> r.data().path("plotId").asText().equals(plot.toString())))
                            .isEqualTo(1);
                }
            });
            // and applied once by resident-service's participation record
            for (UUID plot : plots) {
                String winner = farmEvents
                        .await(CLAIMED, r -> r.data().path("plotId").asText().equals(plot.toString()))
                        .data()
                        .path("residentId")
                        .asText();
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(as(place.staffToken(), "resident-service")
                                        .get("/api/v1/residents/" + winner + "/participation")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getList("items.eventType"))
                                .containsExactly(CLAIMED));
            }
            // both instances consumed the resident events as one group: one projection row each
            for (UUID resident : residents) {
                assertThat(Platform.get()
                                .connectAndCount(
                                        "farm-service",
                                        "select count(*) from resident_projection where resident_id = cast(? as uuid)",
                                        resident))
                        .isEqualTo(1);
            }
        } finally {
            second.stop();
        }
    }
}
