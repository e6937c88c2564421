package cn.bailian.farm.waitlist;

import static cn.bailian.farm.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import cn.bailian.farm.Fixtures;
import cn.bailian.farm.Fixtures.Resident;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class WaitlistResourceTest {

    private static EventProbe events;

    @Inject
    WaitlistService waitlists;

    @BeforeAll
    static void probe() {
        events = EventProbe.on(Fixtures.FARM_TOPIC);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aFreedPlotIsOfferedDownTheListUntilSomeoneAccepts() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "A-01", 0, 0);
        List<Resident> people = Fixtures.residents(community, 4);
        Resident holder = people.get(0), first = people.get(1), second = people.get(2), third = people.get(3);
        UUID holderClaim = Fixtures.claim(plot, holder);

        UUID firstEntry = Fixtures.join(farm, first);
        UUID secondEntry = Fixtures.join(farm, second);
        as(third.token())
                .body(Map.of("residentId", third.id()))
                .post("/api/v1/farms/" + farm + "/waitlist")
                .then()
                .statusCode(201)
                .body("position", equalTo(3))
                .body("residentName", equalTo("胡*"));
        var joined = events.await(
                "cn.bailian.farm.waitlist.joined.v1", e -> e.subject().equals(secondEntry.toString()));
        assertThat(joined.data().path("position").asInt()).isEqualTo(2);

        // the public list: positions and masked names, no one's ids
        given().get("/api/v1/farms/" + farm + "/waitlist")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.position", contains(1, 2, 3))
                .body("items.residentName", contains("胡*", "胡*", "胡*"))
                .body("items[0]", not(hasKey("residentId")));
        as(first.token())
                .body(Map.of("residentId", first.id()))
                .post("/api/v1/farms/" + farm + "/waitlist")
                .then()
                .statusCode(409)
                .body("code", equalTo("ALREADY_ON_WAITLIST"));
        as(holder.token())
                .body(Map.of("residentId", holder.id()))
                .post("/api/v1/farms/" + farm + "/waitlist")
                .then()
                .statusCode(409)
                .body("code", equalTo("HOUSEHOLD_ALREADY_HAS_PLOT"));

        // the holder gives the plot back: it is offered to the head of the list with a 72 h deadline
        as(holder.token())
                .post("/api/v1/claims/" + holderClaim + "/release")
                .then()
                .statusCode(200);
        assertThat(Fixtures.plotStatus(plot)).isEqualTo("OFFERED");
        String firstOffer = as(first.token())
                .get("/api/v1/offers?residentId=" + first.id())
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("PENDING"))
                .extract()
                .path("items[0].id");
        var offered =
                events.await("cn.bailian.farm.plot.offered.v1", e -> e.subject().equals(firstOffer));
        assertThat(offered.data().path("residentId").asText())
                .isEqualTo(first.id().toString());
        assertThat(OffsetDateTime.parse(offered.data().path("expiresAt").asText()))
                .isCloseTo(
                        OffsetDateTime.now().plusHours(72),
                        within(Duration.ofMinutes(5).toSeconds(), java.time.temporal.ChronoUnit.SECONDS));
        as(second.token())
                .post("/api/v1/offers/" + firstOffer + "/accept")
                .then()
                .statusCode(403);

        // nobody answers: after the deadline the offer lapses and passes to the next in line
        Instant afterDeadline = Instant.now().plus(Duration.ofHours(73));
        assertThat(waitlists.lapse(afterDeadline)).isGreaterThanOrEqualTo(1);
        while (waitlists.lapse(afterDeadline) > 0) {
            // other tests' offers may fill the first batches
        }
        as(first.token()).get("/api/v1/offers/" + firstOffer).then().body("status", equalTo("LAPSED"));
        as(first.token())
                .get("/api/v1/waitlist/" + firstEntry)
                .then()
                .statusCode(200)
                .body("status", equalTo("REMOVED"))
                .body("endReason", equalTo("LAPSED"));
        String secondOffer = as(second.token())
                .get("/api/v1/offers?residentId=" + second.id())
                .then()
                .body("items[0].status", equalTo("PENDING"))
                .extract()
                .path("items[0].id");
        as(second.token())
                .post("/api/v1/offers/" + firstOffer + "/accept")
                .then()
                .statusCode(403);

        // the second declines; the third accepts and holds the plot
        as(second.token())
                .post("/api/v1/offers/" + secondOffer + "/decline")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"));
        as(second.token()).get("/api/v1/waitlist/" + secondEntry).then().body("status", equalTo("REMOVED"));
        String thirdOffer = as(third.token())
                .get("/api/v1/offers?residentId=" + third.id())
                .then()
                .body("items[0].status", equalTo("PENDING"))
                .extract()
                .path("items[0].id");
        String claim = as(third.token())
                .post("/api/v1/offers/" + thirdOffer + "/accept")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("residentId", equalTo(third.id().toString()))
                .body("offerId", equalTo(thirdOffer))
                .extract()
                .path("id");
        as(third.token())
                .post("/api/v1/offers/" + thirdOffer + "/accept")
                .then()
                .statusCode(409)
                .body("code", equalTo("OFFER_NOT_PENDING"));
        assertThat(Fixtures.plotStatus(plot)).isEqualTo("CLAIMED");
        given().get("/api/v1/farms/" + farm + "/waitlist").then().body("total", equalTo(0));
        events.await("cn.bailian.farm.plot.claimed.v1", e -> e.subject().equals(claim));
    }

    @Test
    void anOfferIsAcceptedOnceHoweverManyTimesItIsSent() throws Exception {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "B-01", 0, 0);
        Resident holder = Fixtures.resident(community);
        Resident waiting = Fixtures.resident(community);
        UUID claim = Fixtures.claim(plot, holder);
        Fixtures.join(farm, waiting);
        as(DevTokens.staff(community))
                .post("/api/v1/claims/" + claim + "/release")
                .then()
                .statusCode(200);
        String offer = as(waiting.token())
                .get("/api/v1/offers?residentId=" + waiting.id())
                .then()
                .extract()
                .path("items[0].id");

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(() -> as(waiting.token())
                    .post("/api/v1/offers/" + offer + "/accept")
                    .statusCode());
        }
        List<Integer> statuses = Fixtures.race(calls);

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(29);
        assertThat(Fixtures.count("select count(*) from claim where plot_id = ? and status = 'ACTIVE'", plot))
                .isEqualTo(1);
    }

    @Test
    void staffMayMoveAnEntryOnlyWithAPublishedReason() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        List<Resident> people = Fixtures.residents(community, 3);
        UUID a = Fixtures.join(farm, people.get(0));
        UUID b = Fixtures.join(farm, people.get(1));
        UUID c = Fixtures.join(farm, people.get(2));

        as(DevTokens.staff(community))
                .body(Map.of("position", 1))
                .post("/api/v1/waitlist/" + c + "/position")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(people.get(2).token())
                .body(Map.of("position", 1, "reason", "我想排第一"))
                .post("/api/v1/waitlist/" + c + "/position")
                .then()
                .statusCode(403);
        as(DevTokens.staff(UUID.randomUUID()))
                .body(Map.of("position", 1, "reason", "x"))
                .post("/api/v1/waitlist/" + c + "/position")
                .then()
                .statusCode(403);
        as(DevTokens.staff(community))
                .body(Map.of("position", 9, "reason", "行动不便"))
                .post("/api/v1/waitlist/" + c + "/position")
                .then()
                .statusCode(400);
        as(DevTokens.staff(community))
                .body(Map.of("position", 1, "reason", "行动不便的老人"))
                .post("/api/v1/waitlist/" + c + "/position")
                .then()
                .statusCode(200)
                .body("position", equalTo(1));

        given().get("/api/v1/farms/" + farm + "/waitlist")
                .then()
                .body("items.id", contains(c.toString(), a.toString(), b.toString()));
        var moved = events.await(
                "cn.bailian.farm.waitlist.reordered.v1", e -> e.subject().equals(c.toString()));
        assertThat(moved.data().path("reason").asText()).isEqualTo("行动不便的老人");
        assertThat(moved.data().path("fromPosition").asInt()).isEqualTo(3);
        assertThat(moved.data().path("toPosition").asInt()).isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from waitlist_reorder where entry_id = ?", c))
                .isEqualTo(1);
    }

    @Test
    void aResidentLeavesTheListThemselves() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        List<Resident> people = Fixtures.residents(community, 2);
        UUID mine = Fixtures.join(farm, people.get(0));
        Fixtures.join(farm, people.get(1));

        as(people.get(1).token()).delete("/api/v1/waitlist/" + mine).then().statusCode(403);
        given().delete("/api/v1/waitlist/" + mine).then().statusCode(401);
        as(people.get(0).token()).delete("/api/v1/waitlist/" + mine).then().statusCode(204);
        as(people.get(0).token())
                .delete("/api/v1/waitlist/" + mine)
                .then()
                .statusCode(409)
                .body("code", equalTo("WAITLIST_ENTRY_NOT_ACTIVE"));
        given().get("/api/v1/farms/" + farm + "/waitlist")
                .then()
                .body("total", equalTo(1))
                .body("items[0].position", equalTo(1));
        as(people.get(0).token())
                .get("/api/v1/waitlist/" + mine)
                .then()
                .body("status", equalTo("LEFT"))
                .body("position", equalTo(0));
        // and may join again
        Fixtures.join(farm, people.get(0));
    }

    @Test
    void ineligibleResidentsCannotJoin() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        Resident outsider = Fixtures.resident(UUID.randomUUID());
        as(DevTokens.staff(community))
                .body(Map.of("residentId", outsider.id()))
                .post("/api/v1/farms/" + farm + "/waitlist")
                .then()
                .statusCode(422)
                .body("code", equalTo("RESIDENT_NOT_ELIGIBLE"));
        as(DevTokens.staff(community))
                .body(Map.of("residentId", outsider.id()))
                .post("/api/v1/farms/" + UUID.randomUUID() + "/waitlist")
                .then()
                .statusCode(404)
                .body("code", equalTo("FARM_NOT_FOUND"));
    }

    @Test
    void aLapsedOfferIsPassedOnOnceEvenByTwoReplicasAtOnce() throws Exception {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "C-01", 0, 0);
        List<Resident> people = Fixtures.residents(community, 4);
        UUID claim = Fixtures.claim(plot, people.get(0));
        for (int i = 1; i < 4; i++) {
            Fixtures.join(farm, people.get(i));
        }
        as(people.get(0).token())
                .post("/api/v1/claims/" + claim + "/release")
                .then()
                .statusCode(200);
        String offer = Fixtures.queryString("select id from offer where plot_id = ? and status = 'PENDING'", plot);
        Fixtures.execute("update offer set expires_at = now() - interval '1 minute' where id = ?::uuid", offer);

        // the deadline has passed even if the job has not run yet
        as(people.get(1).token())
                .post("/api/v1/offers/" + offer + "/accept")
                .then()
                .statusCode(409)
                .body("code", equalTo("OFFER_EXPIRED"));

        Instant now = Instant.now();
        List<Callable<Integer>> replicas = List.of(() -> waitlists.lapse(now), () -> waitlists.lapse(now));
        Fixtures.race(replicas);

        assertThat(Fixtures.queryString("select status from offer where id = ?::uuid", offer))
                .isEqualTo("LAPSED");
        assertThat(Fixtures.count("select count(*) from offer where plot_id = ? and status = 'PENDING'", plot))
                .isEqualTo(1);
        assertThat(Fixtures.queryString("select resident_id from offer where plot_id = ? and status = 'PENDING'", plot))
                .isEqualTo(people.get(2).id().toString());
        assertThat(Fixtures.count("select count(*) from offer where plot_id = ?", plot))
                .isEqualTo(2);
    }
}
