package cn.bailian.system;

import static cn.bailian.system.Api.as;
import static cn.bailian.system.Steps.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.testkit.DevTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** DESIGN.md §2 "Cross-service flows", each driven over HTTP through the packaged services and Kafka. */
class CrossServiceFlowsIT {

    @Test
    void plotClaimHarvestAttendanceAndDonationEachShowOnceInTheParticipationRecord() {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-荣誉");
        UUID resident = place.register(place.householdId(), "赵六", "13800000011", "SELF");
        String residentToken = DevTokens.resident(resident, place.communityId());
        awaitKnownEverywhere(place, resident);

        // farm: claim a plot, record a harvest
        UUID farm = createFarm(place);
        UUID plot = createPlot(place, farm, "A-01", 0);
        UUID claim = id(as(residentToken, "farm-service")
                .body(Map.of("residentId", resident))
                .post("/api/v1/plots/" + plot + "/claims")
                .then()
                .statusCode(201));
        as(residentToken, "farm-service")
                .body(Map.of("kind", "HARVEST", "crop", "小白菜", "quantityGrams", 1200))
                .post("/api/v1/plots/" + plot + "/journal")
                .then()
                .statusCode(201);

        // activity: a course starting in a few minutes, enrol, check in
        UUID venue = createVenue(place);
        UUID activity = publishedActivity(
                place, venue, 5, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5));
        JsonPath enrollment = as(residentToken, "activity-service")
                .body(Map.of("participantId", resident))
                .post("/api/v1/activities/" + activity + "/enrollments")
                .then()
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .extract()
                .jsonPath();
        UUID session = UUID.fromString(as(place.staffToken(), "activity-service")
                .get("/api/v1/activities/" + activity + "/sessions")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id"));
        as(place.staffToken(), "activity-service")
                .body(Map.of("code", enrollment.getString("checkInCode")))
                .post("/api/v1/sessions/" + session + "/check-ins")
                .then()
                .statusCode(201);

        // fund: a named donation from the resident
        UUID fund = createFund(place);
        donate(place, fund, resident, 20_000, "WX-FLOW-" + resident, null);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonPath record = as(residentToken, "resident-service")
                    .get("/api/v1/residents/" + resident + "/participation?size=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> types = record.getList("items.eventType");
            assertThat(types)
                    .containsExactlyInAnyOrder(
                            "cn.bailian.farm.plot.claimed.v1",
                            "cn.bailian.farm.journal.recorded.v1",
                            "cn.bailian.activity.enrollment.confirmed.v1",
                            "cn.bailian.activity.attendance.recorded.v1",
                            "cn.bailian.fund.donation.received.v1");
            assertThat(record.getLong("points")).isEqualTo(10 + 5 + 1 + 3 + 5);
        });
        assertThat(claim).isNotNull();
    }

    @Test
    void movingOutEndsTheClaimOffersThePlotAndPromotesTheCourseWaitlist() {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-迁出");
        UUID leaving = place.register(place.householdId(), "钱七", "13800000021", "SELF");
        UUID waiting = place.register(place.newHousehold("602"), "孙八", "13800000022", "SELF");
        awaitKnownEverywhere(place, leaving);
        awaitKnownEverywhere(place, waiting);

        UUID farm = createFarm(place);
        UUID plot = createPlot(place, farm, "B-01", 1);
        UUID claim = id(as(DevTokens.resident(leaving, place.communityId()), "farm-service")
                .body(Map.of("residentId", leaving))
                .post("/api/v1/plots/" + plot + "/claims")
                .then()
                .statusCode(201));
        as(DevTokens.resident(waiting, place.communityId()), "farm-service")
                .body(Map.of("residentId", waiting))
                .post("/api/v1/farms/" + farm + "/waitlist")
                .then()
                .statusCode(201);

        UUID venue = createVenue(place);
        UUID course = publishedActivity(
                place, venue, 1, OffsetDateTime.now(ZoneOffset.UTC).plusDays(3));
        UUID leavingEnrollment = id(as(place.staffToken(), "activity-service")
                .body(Map.of("participantId", leaving))
                .post("/api/v1/activities/" + course + "/enrollments")
                .then()
                .statusCode(201)
                .body("status", equalTo("CONFIRMED")));
        UUID waitingEnrollment = id(as(place.staffToken(), "activity-service")
                .body(Map.of("participantId", waiting))
                .post("/api/v1/activities/" + course + "/enrollments")
                .then()
                .statusCode(201)
                .body("status", equalTo("WAITLISTED")));

        as(place.staffToken(), "resident-service")
                .body(Map.of(
                        "date", java.time.LocalDate.now(ZoneOffset.ofHours(8)).toString()))
                .post("/api/v1/residents/" + leaving + "/move-out")
                .then()
                .statusCode(200);

        await().atMost(EVENTUALLY)
                .untilAsserted(() -> as(place.staffToken(), "farm-service")
                        .get("/api/v1/claims/" + claim)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("ENDED"))
                        .body("endReason", equalTo("MOVED_OUT")));
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> as(DevTokens.resident(waiting, place.communityId()), "farm-service")
                        .get("/api/v1/offers?residentId=" + waiting)
                        .then()
                        .statusCode(200)
                        .body("items[0].plotId", equalTo(plot.toString()))
                        .body("items[0].status", equalTo("PENDING")));
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            as(place.staffToken(), "activity-service")
                    .get("/api/v1/enrollments/" + leavingEnrollment)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("cancelReason", equalTo("MOVED_OUT"));
            as(place.staffToken(), "activity-service")
                    .get("/api/v1/enrollments/" + waitingEnrollment)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CONFIRMED"));
        });
    }

    @Test
    void earmarkedDonationFundsTheProjectAndAGrantMarksTheActivityFunded() {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-基金");
        UUID donor = place.register(place.householdId(), "周九", "13800000031", "SELF");
        awaitKnownEverywhere(place, donor);
        UUID venue = createVenue(place);
        UUID activity = publishedActivity(
                place, venue, 20, OffsetDateTime.now(ZoneOffset.UTC).plusDays(5));

        UUID fund = createFund(place);
        UUID project = id(as(place.staffToken(), "fund-service")
                .body(Map.of(
                        "title",
                        "童心·莲心",
                        "description",
                        "儿童之家周末课程",
                        "type",
                        "PUBLIC_WELFARE",
                        "budgetFen",
                        500_000,
                        "proposerKind",
                        "COMMUNITY",
                        "activityId",
                        activity))
                .post("/api/v1/funds/" + fund + "/projects")
                .then()
                .statusCode(201));
        donate(place, fund, donor, 300_000, "BANK-FLOW-" + donor, project);
        as(place.staffToken(), "fund-service")
                .get("/api/v1/projects/" + project)
                .then()
                .statusCode(200)
                .body("funding.earmarkedFen", equalTo(300_000))
                .body("funding.earmarkedPercent", equalTo(60));

        for (String step : List.of("COUNCIL", "COMMITTEE")) {
            as(place.staffToken(), "fund-service")
                    .body(Map.of("step", step, "decision", "APPROVE", "comment", "同意"))
                    .post("/api/v1/projects/" + project + "/reviews")
                    .then()
                    .statusCode(201);
        }
        // the system tests run fund-service with a two-second notice period (see Platform)
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> as(place.staffToken(), "fund-service")
                        .get("/api/v1/projects/" + project)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("APPROVED")));
        as(place.staffToken(), "fund-service")
                .body(Map.of(
                        "amountFen",
                        200_000,
                        "payeeKind",
                        "OUTSIDE",
                        "payee",
                        "成都某某社会工作服务中心",
                        "purpose",
                        "第一期课程材料费",
                        "invoiceReference",
                        "INV-" + project))
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(201);

        await().atMost(EVENTUALLY)
                .untilAsserted(() -> as(place.staffToken(), "activity-service")
                        .get("/api/v1/activities/" + activity)
                        .then()
                        .statusCode(200)
                        .body("fundedByCommunityFund", equalTo(true))
                        .body("fundedTotalFen", equalTo(200_000)));
        as(place.staffToken(), "fund-service")
                .get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }
}
