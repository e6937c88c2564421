package cn.bailian.fund.trace;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.bailian.fund.Fixtures;
import cn.bailian.fund.project.NoticeScheduler;
import cn.bailian.kit.event.EventJson;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.EventFeed;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** GET /projects/{id}/trace: donations → project → funded activity → sessions held → attendance, in one read. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectTraceTest {

    static final String ACTIVITY_TOPIC = "bailian.activity.events";
    static final String ATTENDANCE_RECORDED = "cn.bailian.activity.attendance.recorded.v1";

    @Inject
    NoticeScheduler notices;

    /** A check-in as activity-service publishes it (a fresh event id each time). */
    static void checkedIn(UUID attendanceId, UUID activityId, UUID sessionId, UUID communityId, String at) {
        Map<String, Object> data = new HashMap<>(Map.of(
                "attendanceId",
                attendanceId,
                "sessionId",
                sessionId,
                "activityId",
                activityId,
                "enrollmentId",
                UUID.randomUUID(),
                "residentId",
                UUID.randomUUID(),
                "communityId",
                communityId,
                "checkedInAt",
                at));
        data.put("guardianId", null);
        EventFeed.publishAndWait(
                ACTIVITY_TOPIC, ATTENDANCE_RECORDED, "/bailian/activity-service", attendanceId, EventJson.write(data));
    }

    @Test
    void donationsGrantsSessionsAndAttendanceOfAFundedActivityInOneRead() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID activity = UUID.randomUUID();
        Fixtures.donateOk(community, fund, 100_000);
        UUID project = Fixtures.approved(notices, community, fund, 80_000, activity);
        Map<String, Object> earmarked = new HashMap<>(Fixtures.donation(20_000, "REF-" + UUID.randomUUID()));
        earmarked.put("projectId", project);
        Fixtures.donate(community, fund, earmarked).statusCode(201);
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "amountFen",
                        30_000,
                        "payeeKind",
                        "OUTSIDE",
                        "payee",
                        "成都某某社工站",
                        "purpose",
                        "课程",
                        "invoiceReference",
                        "INV-" + UUID.randomUUID()))
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(201);

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID repeated = UUID.randomUUID();
        checkedIn(repeated, activity, first, community, "2026-12-20T01:58:12Z");
        checkedIn(UUID.randomUUID(), activity, first, community, "2026-12-20T02:01:00Z");
        checkedIn(UUID.randomUUID(), activity, first, community, "2026-12-20T02:03:00Z");
        checkedIn(UUID.randomUUID(), activity, second, community, "2026-12-27T01:59:00Z");
        checkedIn(UUID.randomUUID(), activity, second, community, "2026-12-27T02:00:00Z");
        // the same check-in published again under another event id counts once
        checkedIn(repeated, activity, first, community, "2026-12-20T01:58:12Z");
        // attendance at an activity this project does not fund is not in its trace
        checkedIn(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), community, "2026-12-20T02:00:00Z");

        // the last event on the activity's key is applied after those before it
        checkedIn(UUID.randomUUID(), activity, second, community, "2026-12-27T02:05:00Z");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Fixtures.queryLong("select count(*) from activity_attendance where activity_id = ?", activity)
                                == 6);

        given().get("/api/v1/projects/" + project + "/trace")
                .then()
                .statusCode(200)
                .body("projectId", equalTo(project.toString()))
                .body("status", equalTo("APPROVED"))
                .body("donations.count", equalTo(1))
                .body("donations.amountFen", equalTo(20_000))
                .body("grants.count", equalTo(1))
                .body("grants.amountFen", equalTo(30_000))
                .body("activities", hasSize(1))
                .body("activities[0].activityId", equalTo(activity.toString()))
                .body("activities[0].grantedFen", equalTo(30_000))
                .body("activities[0].sessionsHeld", equalTo(2))
                .body("activities[0].attendance", equalTo(6))
                .body("activities[0].sessions[0].sessionId", equalTo(first.toString()))
                .body("activities[0].sessions[0].attendance", equalTo(3))
                .body("activities[0].sessions[0].firstCheckInAt", equalTo("2026-12-20T09:58:12+08:00"))
                .body("activities[0].sessions[1].sessionId", equalTo(second.toString()))
                .body("activities[0].sessions[1].attendance", equalTo(3));
    }

    @Test
    void aProjectAboutNoActivityTracesItsMoneyOnly() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID project = Fixtures.propose(community, fund, 10_000, null);
        given().get("/api/v1/projects/" + project + "/trace")
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"))
                .body("donations.count", equalTo(0))
                .body("grants.amountFen", equalTo(0))
                .body("activities", empty());
    }

    @Test
    void anUnknownProjectIsAProblem() {
        given().header("Accept-Language", "en")
                .get("/api/v1/projects/" + UUID.randomUUID() + "/trace")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("PROJECT_NOT_FOUND"));
    }
}
