package cn.bailian.farm.resident;

import static cn.bailian.farm.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ResidentEventHandlerTest {

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
    void aResidentWhoMovesOutLosesTheClaimAndThePlotGoesToTheWaitlistHead() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID otherFarm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "A-01", 0, 0);
        List<Resident> people = Fixtures.residents(community, 3);
        Resident leaving = people.get(0), head = people.get(1), next = people.get(2);
        UUID claim = Fixtures.claim(plot, leaving);
        Fixtures.join(farm, head);
        Fixtures.join(farm, next);
        Fixtures.join(otherFarm, next);

        Fixtures.publishMovedOut(leaving, OffsetDateTime.now(ZoneOffset.UTC));

        var released = events.await(
                "cn.bailian.farm.plot.released.v1", e -> e.subject().equals(claim.toString()));
        assertThat(released.data().path("reason").asText()).isEqualTo("MOVED_OUT");
        assertThat(released.data().path("residentId").asText())
                .isEqualTo(leaving.id().toString());
        var offered = events.await(
                "cn.bailian.farm.plot.offered.v1",
                e -> e.data().path("plotId").asText().equals(plot.toString()));
        assertThat(offered.data().path("residentId").asText())
                .isEqualTo(head.id().toString());
        assertThat(Fixtures.queryString("select end_reason from claim where id = ?", claim))
                .isEqualTo("MOVED_OUT");
        assertThat(Fixtures.plotStatus(plot)).isEqualTo("OFFERED");
        as(DevTokens.staff(community))
                .get("/api/v1/residents/" + leaving.id() + "/eligibility")
                .then()
                .statusCode(200)
                .body("status", equalTo("MOVED_OUT"))
                .body("eligible", equalTo(false));
        // no longer a resident here: no new claims
        UUID free = Fixtures.plot(otherFarm, community, "B-01", 0, 0);
        as(leaving.token())
                .body(java.util.Map.of("residentId", leaving.id()))
                .post("/api/v1/plots/" + free + "/claims")
                .then()
                .statusCode(422)
                .body("code", equalTo("RESIDENT_NOT_ELIGIBLE"));
    }

    @Test
    void aResidentWhoMovesOutLeavesEveryWaitlistAndAPendingOfferPassesOn() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID otherFarm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "A-01", 0, 0);
        List<Resident> people = Fixtures.residents(community, 3);
        Resident holder = people.get(0), leaving = people.get(1), next = people.get(2);
        UUID claim = Fixtures.claim(plot, holder);
        UUID leavingEntry = Fixtures.join(farm, leaving);
        UUID leavingOther = Fixtures.join(otherFarm, leaving);
        Fixtures.join(farm, next);
        as(holder.token()).post("/api/v1/claims/" + claim + "/release").then().statusCode(200);
        String offer = Fixtures.queryString("select id from offer where plot_id = ? and status = 'PENDING'", plot);
        assertThat(Fixtures.queryString("select resident_id from offer where id = ?::uuid", offer))
                .isEqualTo(leaving.id().toString());

        Fixtures.publishMovedOut(leaving, OffsetDateTime.now(ZoneOffset.UTC));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        "WITHDRAWN".equals(Fixtures.queryString("select status from offer where id = ?::uuid", offer)));
        assertThat(Fixtures.queryString("select resident_id from offer where plot_id = ? and status = 'PENDING'", plot))
                .isEqualTo(next.id().toString());
        assertThat(Fixtures.queryString("select end_reason from waitlist_entry where id = ?", leavingEntry))
                .isEqualTo("MOVED_OUT");
        assertThat(Fixtures.queryString("select status from waitlist_entry where id = ?", leavingOther))
                .isEqualTo("REMOVED");
    }

    @Test
    void anOlderEventNeverOverwritesANewerState() {
        UUID community = UUID.randomUUID();
        Resident r = new Resident(UUID.randomUUID(), UUID.randomUUID(), community);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Fixtures.publishMovedOut(r, now);
        Fixtures.awaitStatus(r.id(), "MOVED_OUT");
        Fixtures.publishRegistered(r, "胡小明", now.minusDays(30));
        // a later event proves the consumer got past the stale one
        Resident marker = new Resident(UUID.randomUUID(), UUID.randomUUID(), community);
        Fixtures.publishRegistered(marker, "李四", now);
        Fixtures.awaitStatus(marker.id(), "ACTIVE");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.count(
                                "select count(*) from processed_event where event_type = 'cn.bailian.resident.registered.v1'")
                        > 0);
        assertThat(Fixtures.queryString("select status from resident_projection where resident_id = ?", r.id()))
                .isEqualTo("MOVED_OUT");
        // and a newer one is applied
        Fixtures.publishRegistered(r, "胡小明", now.plusSeconds(1));
        Fixtures.awaitStatus(r.id(), "ACTIVE");
        assertThat(Fixtures.queryString("select display_name from resident_projection where resident_id = ?", r.id()))
                .isEqualTo("胡*");
    }

    @Test
    void eligibilityIsShownToTheResidentTheirStaffAdminsAndServices() {
        UUID community = UUID.randomUUID();
        Resident r = Fixtures.resident(community);
        String path = "/api/v1/residents/" + r.id() + "/eligibility";
        as(r.token())
                .get(path)
                .then()
                .statusCode(200)
                .body("residentId", equalTo(r.id().toString()))
                .body("communityId", equalTo(community.toString()))
                .body("householdId", equalTo(r.householdId().toString()))
                .body("status", equalTo("ACTIVE"))
                .body("eligible", equalTo(true));
        as(DevTokens.staff(community)).get(path).then().statusCode(200);
        as(DevTokens.admin()).get(path).then().statusCode(200);
        as(DevTokens.service("activity-service")).get(path).then().statusCode(200);
        as(DevTokens.staff(UUID.randomUUID())).get(path).then().statusCode(403);
        as(DevTokens.resident(UUID.randomUUID(), community)).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);
        as(DevTokens.admin())
                .get("/api/v1/residents/" + UUID.randomUUID() + "/eligibility")
                .then()
                .statusCode(404)
                .body("code", equalTo("RESIDENT_UNKNOWN"));
    }

    @Test
    void anUpdateToMovedOutEndsTheClaimToo() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "U-01", 0, 0);
        Resident r = Fixtures.resident(community);
        UUID claim = Fixtures.claim(plot, r);
        Fixtures.send(
                r.id(),
                Fixtures.residentEvent(
                        "cn.bailian.resident.updated.v1",
                        r.id(),
                        OffsetDateTime.now(ZoneOffset.UTC),
                        Fixtures.residentState(r.id(), community, r.householdId(), "胡小明", "MOVED_OUT")));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        "MOVED_OUT".equals(Fixtures.queryString("select end_reason from claim where id = ?", claim)));
        assertThat(Fixtures.plotStatus(plot)).isEqualTo("AVAILABLE");
    }
}
