package cn.bailian.fund.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.bailian.fund.Fixtures;
import cn.bailian.fund.FundEvents;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectFlowTest {

    @Inject
    NoticeScheduler notices;

    @Test
    void proposalReviewNoticeObjectionApprovalMilestonesCompletion() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID resident = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        String staff = DevTokens.mint("staff-zhang", java.util.Set.of("STAFF"), community, null, Duration.ofHours(1));
        try (EventProbe probe = EventProbe.on(Fixtures.TOPIC)) {
            String project = given().auth()
                    .oauth2(DevTokens.resident(resident, community))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "title",
                            "楼道互助照明",
                            "description",
                            "为老旧院落楼道更换感应灯",
                            "type",
                            "MUTUAL_AID",
                            "budgetFen",
                            600_000,
                            "activityId",
                            activity))
                    .post("/api/v1/funds/" + fund + "/projects")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("PROPOSED"))
                    .body("proposer.kind", equalTo("RESIDENT"))
                    .body("proposer.id", equalTo(resident.toString()))
                    .body("funding.remainingBudgetFen", equalTo(600_000))
                    .extract()
                    .path("id");
            var proposed =
                    probe.await(FundEvents.PROJECT_PROPOSED, r -> r.subject().equals(project));
            assertThat(proposed.data().path("fundId").asText()).isEqualTo(fund.toString());
            assertThat(proposed.data().path("communityId").asText()).isEqualTo(community.toString());
            assertThat(proposed.data().path("budgetFen").asLong()).isEqualTo(600_000);
            assertThat(proposed.data().path("activityId").asText()).isEqualTo(activity.toString());
            assertThat(proposed.data().path("type").asText()).isEqualTo("MUTUAL_AID");
            assertThat(proposed.data().path("status").asText()).isEqualTo("PROPOSED");

            given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("step", "COUNCIL", "decision", "APPROVE", "comment", "议事会 9 票赞成"))
                    .post("/api/v1/projects/" + project + "/reviews")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("COUNCIL_APPROVED"))
                    .body("reviews[0].reviewer", equalTo("staff-zhang"))
                    .body("reviews[0].comment", equalTo("议事会 9 票赞成"));
            Instant before = Instant.now();
            String endsAt = given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("step", "COMMITTEE", "decision", "APPROVE"))
                    .post("/api/v1/projects/" + project + "/reviews")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("NOTICE"))
                    .body("reviews", hasSize(2))
                    .body("reviews[1].step", equalTo("COMMITTEE"))
                    .body("reviews[1].reviewer", equalTo("staff-zhang"))
                    .extract()
                    .path("noticeEndsAt");
            Instant noticeEnds = OffsetDateTime.parse(endsAt).toInstant();
            assertThat(noticeEnds)
                    .isBetween(
                            before.plus(7, ChronoUnit.DAYS).minusSeconds(5),
                            Instant.now().plus(7, ChronoUnit.DAYS).plusSeconds(5));
            probe.await(FundEvents.PROJECT_NOTICE_STARTED, r -> r.subject().equals(project));

            // public: anyone sees the project under notice, with its reviewers
            given().get("/api/v1/projects/" + project)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("NOTICE"))
                    .body("reviews[0].reviewer", equalTo("staff-zhang"));
            given().get("/api/v1/funds/" + fund + "/projects?status=NOTICE")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(1));

            UUID neighbour = UUID.randomUUID();
            String objection = given().auth()
                    .oauth2(DevTokens.resident(neighbour, community))
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "感应灯单价偏高"))
                    .post("/api/v1/projects/" + project + "/objections")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("PENDING"))
                    .extract()
                    .path("id");
            given().auth()
                    .oauth2(DevTokens.resident(neighbour, community))
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "再说一次"))
                    .post("/api/v1/projects/" + project + "/objections")
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("OBJECTION_EXISTS"));

            // the period is not over yet: nothing happens
            notices.approveEndedNotices(noticeEnds.minusSeconds(1));
            given().get("/api/v1/projects/" + project).then().body("status", equalTo("NOTICE"));
            // over, but an objection is pending: still nothing
            notices.approveEndedNotices(noticeEnds.plusSeconds(1));
            given().get("/api/v1/projects/" + project)
                    .then()
                    .body("status", equalTo("NOTICE"))
                    .body("objections.pending", equalTo(1));

            given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("decision", "DISMISS", "note", "已公示单价明细"))
                    .post("/api/v1/projects/" + project + "/objections/" + objection + "/decision")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("DISMISSED"))
                    .body("decidedBy", equalTo("staff-zhang"));
            notices.approveEndedNotices(noticeEnds.plusSeconds(1));
            given().get("/api/v1/projects/" + project)
                    .then()
                    .body("status", equalTo("APPROVED"))
                    .body("approvedAt", notNullValue())
                    .body("objections.dismissed", equalTo(1));
            var approved =
                    probe.await(FundEvents.PROJECT_APPROVED, r -> r.subject().equals(project));
            assertThat(approved.data().path("status").asText()).isEqualTo("APPROVED");

            String withMilestone = given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("title", "一号院落完工", "dueOn", "2026-12-31", "progressPercent", 0))
                    .post("/api/v1/projects/" + project + "/milestones")
                    .then()
                    .statusCode(201)
                    .body("milestones", hasSize(1))
                    .body("progressPercent", equalTo(0))
                    .extract()
                    .path("milestones[0].id");
            String etag = given().get("/api/v1/projects/" + project)
                    .then()
                    .extract()
                    .path("milestones[0].version")
                    .toString();
            given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("progressPercent", 60))
                    .patch("/api/v1/projects/" + project + "/milestones/" + withMilestone)
                    .then()
                    .statusCode(428)
                    .body("code", equalTo("IF_MATCH_REQUIRED"));
            given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .header("If-Match", "\"" + etag + "\"")
                    .body(Map.of("progressPercent", 60, "note", "完成 3/5 栋"))
                    .patch("/api/v1/projects/" + project + "/milestones/" + withMilestone)
                    .then()
                    .statusCode(200)
                    .body("progressPercent", equalTo(60))
                    .header("ETag", notNullValue());
            given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .header("If-Match", "\"" + etag + "\"")
                    .body(Map.of("progressPercent", 80))
                    .patch("/api/v1/projects/" + project + "/milestones/" + withMilestone)
                    .then()
                    .statusCode(412)
                    .body("code", equalTo("VERSION_MISMATCH"));
            given().get("/api/v1/projects/" + project).then().body("progressPercent", equalTo(60));

            given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("report", "共更换感应灯 120 盏，结余 200 元。"))
                    .post("/api/v1/projects/" + project + "/complete")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("completionReport", equalTo("共更换感应灯 120 盏，结余 200 元。"));
            var completed =
                    probe.await(FundEvents.PROJECT_COMPLETED, r -> r.subject().equals(project));
            assertThat(completed.data().path("status").asText()).isEqualTo("COMPLETED");
            given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("report", "again"))
                    .post("/api/v1/projects/" + project + "/complete")
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("PROJECT_NOT_APPROVED"));
        }
    }

    @Test
    void reviewsGoCouncilThenCommitteeAndARejectionEndsTheProject() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID project = Fixtures.propose(community, fund, 10_000, null);
        Fixtures.review(community, project, "COMMITTEE", "APPROVE")
                .statusCode(409)
                .body("code", equalTo("REVIEW_OUT_OF_ORDER"));
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of("step", "COUNCIL", "decision", "REJECT"))
                .post("/api/v1/projects/" + project + "/reviews")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        Fixtures.review(community, project, "COUNCIL", "REJECT").statusCode(201).body("status", equalTo("REJECTED"));
        Fixtures.review(community, project, "COUNCIL", "APPROVE").statusCode(409);
        Fixtures.review(community, project, "COMMITTEE", "APPROVE").statusCode(409);
        // a rejected project takes no earmarked donation
        Map<String, Object> earmarked = new HashMap<>(Fixtures.donation(100, "E-1"));
        earmarked.put("projectId", project);
        Fixtures.donate(community, fund, earmarked).statusCode(409).body("code", equalTo("PROJECT_CLOSED"));

        UUID second = Fixtures.propose(community, fund, 10_000, null);
        Fixtures.review(community, second, "COUNCIL", "APPROVE").statusCode(201);
        Fixtures.review(community, second, "COMMITTEE", "REJECT")
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("noticeEndsAt", nullValue());
    }

    @Test
    void anUpheldObjectionRejectsTheProjectAndTheNoticeNeverApprovesIt() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID project = Fixtures.inNotice(community, fund, 10_000, null);
        String objection = given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "项目与已有服务重复"))
                .post("/api/v1/projects/" + project + "/objections")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Fixtures.staff(community))
                .get("/api/v1/projects/" + project + "/objections")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].reason", equalTo("项目与已有服务重复"));
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .get("/api/v1/projects/" + project + "/objections")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "UPHOLD", "note", "经核实确有重复"))
                .post("/api/v1/projects/" + project + "/objections/" + objection + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("UPHELD"));
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "DISMISS", "note", "改主意"))
                .post("/api/v1/projects/" + project + "/objections/" + objection + "/decision")
                .then()
                .statusCode(409)
                .body("code", equalTo("OBJECTION_DECIDED"));
        notices.approveEndedNotices(Instant.now().plus(30, ChronoUnit.DAYS));
        given().get("/api/v1/projects/" + project)
                .then()
                .body("status", equalTo("REJECTED"))
                .body("objections.upheld", equalTo(1));
    }

    @Test
    void objectionsOnlyDuringTheNoticeAndOnlyByResidentsOfTheCommunity() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID proposed = Fixtures.propose(community, fund, 10_000, null);
        String path = "/api/v1/projects/" + proposed + "/objections";
        Map<String, String> body = Map.of("reason", "不同意");
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(409)
                .body("code", equalTo("NOTICE_NOT_OPEN"));

        UUID project = Fixtures.inNotice(community, fund, 10_000, null);
        path = "/api/v1/projects/" + project + "/objections";
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", " "))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));

        // the notice period ends (moved into the past in the database, as time would)
        try (Connection c = BailianTestResource.connect();
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "update project set notice_ends_at = now() - interval '1 second' where id = '" + project + "'");
        }
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(409)
                .body("code", equalTo("NOTICE_NOT_OPEN"));
        assertThat(Fixtures.queryLong("select count(*) from project_objection where project_id = ?", project))
                .isZero();
        // the real clock's scheduler logic approves it now
        assertThat(notices.approveEndedNotices(Instant.now())).isGreaterThanOrEqualTo(1);
        given().get("/api/v1/projects/" + project).then().body("status", equalTo("APPROVED"));
    }

    @Test
    void whoMayProposeAndReview() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID resident = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(
                Map.of("title", "邻里读书会", "description", "每周一次", "type", "SELF_GOVERNANCE", "budgetFen", 50_000));
        String path = "/api/v1/funds/" + fund + "/projects";
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        given().auth()
                .oauth2(DevTokens.resident(resident, UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(403);
        Map<String, Object> forSomeoneElse = new HashMap<>(body);
        forSomeoneElse.put("proposerId", UUID.randomUUID());
        given().auth()
                .oauth2(DevTokens.resident(resident, community))
                .contentType(ContentType.JSON)
                .body(forSomeoneElse)
                .post(path)
                .then()
                .statusCode(403);
        Map<String, Object> asOrganisation = new HashMap<>(body);
        asOrganisation.put("proposerKind", "ORGANIZATION");
        asOrganisation.put("proposerId", UUID.randomUUID());
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(asOrganisation)
                .post(path)
                .then()
                .statusCode(422)
                .body("code", equalTo("PROPOSER_UNKNOWN"));
        Map<String, Object> tooBig = new HashMap<>(body);
        tooBig.put("budgetFen", 0);
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(tooBig)
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("budgetFen"));
        String project = given().auth()
                .oauth2(DevTokens.resident(resident, community))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String reviews = "/api/v1/projects/" + project + "/reviews";
        Map<String, String> review = Map.of("step", "COUNCIL", "decision", "APPROVE");
        given().auth()
                .oauth2(DevTokens.resident(resident, community))
                .contentType(ContentType.JSON)
                .body(review)
                .post(reviews)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(review)
                .post(reviews)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.admin())
                .contentType(ContentType.JSON)
                .body(review)
                .post(reviews)
                .then()
                .statusCode(201)
                .body("reviews[0].reviewer", equalTo("admin"));
        given().get("/api/v1/projects/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("PROJECT_NOT_FOUND"));
        given().get("/api/v1/funds/" + fund + "/projects?status=SOMETIME")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void earmarkedDonationsCountTowardTheProjectsFunding() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID project = Fixtures.propose(community, fund, 200_000, null);
        Map<String, Object> earmarked = new HashMap<>(Fixtures.donation(50_000, "E-1"));
        earmarked.put("projectId", project);
        String donation = Fixtures.donate(community, fund, earmarked)
                .statusCode(201)
                .body("projectId", equalTo(project.toString()))
                .extract()
                .path("id");
        Fixtures.donateOk(community, fund, 70_000); // not earmarked
        given().get("/api/v1/projects/" + project)
                .then()
                .body("funding.earmarkedFen", equalTo(50_000))
                .body("funding.earmarkedPercent", equalTo(25));
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of("amountFen", 10_000, "reason", "部分退回"))
                .post("/api/v1/donations/" + donation + "/refunds")
                .then()
                .statusCode(201);
        given().get("/api/v1/projects/" + project)
                .then()
                .body("funding.earmarkedFen", equalTo(40_000))
                .body("funding.earmarkedPercent", equalTo(20));
    }
}
