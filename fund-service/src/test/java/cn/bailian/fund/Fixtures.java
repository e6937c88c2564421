package cn.bailian.fund;

import static io.restassured.RestAssured.given;

import cn.bailian.fund.project.NoticeScheduler;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventFeed;
import cn.bailian.testkit.TestDb;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** Builds the state tests start from, through the API as a client would. */
public final class Fixtures {

    public static final String TOPIC = "bailian.fund.events";
    public static final String RESIDENT_TOPIC = "bailian.resident.events";

    private Fixtures() {}

    public static String staff(UUID communityId) {
        return DevTokens.staff(communityId);
    }

    public static UUID createFund(UUID communityId, String kind) {
        return UUID.fromString(given().auth()
                .oauth2(staff(communityId))
                .contentType(ContentType.JSON)
                .body(Map.of("communityId", communityId, "name", "基金 " + UUID.randomUUID(), "kind", kind))
                .post("/api/v1/funds")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    public static UUID communityFund(UUID communityId) {
        return createFund(communityId, "COMMUNITY");
    }

    public static ValidatableResponse donate(UUID communityId, UUID fundId, Map<String, Object> body) {
        return given().auth()
                .oauth2(staff(communityId))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/funds/" + fundId + "/donations")
                .then();
    }

    public static Map<String, Object> donation(long amountFen, String reference) {
        return Map.of(
                "donorKind",
                "ENTERPRISE",
                "displayName",
                "成都白莲科技有限公司",
                "amountFen",
                amountFen,
                "channel",
                "BANK_TRANSFER",
                "paymentReference",
                reference);
    }

    public static String donateOk(UUID communityId, UUID fundId, long amountFen) {
        return donate(communityId, fundId, donation(amountFen, "REF-" + UUID.randomUUID()))
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static UUID propose(UUID communityId, UUID fundId, long budgetFen, UUID activityId) {
        var body = new java.util.HashMap<String, Object>(Map.of(
                "title",
                "屋顶农场儿童自然课堂",
                "description",
                "每月两次种植课",
                "type",
                "PUBLIC_WELFARE",
                "budgetFen",
                budgetFen,
                "proposerKind",
                "COMMUNITY"));
        if (activityId != null) {
            body.put("activityId", activityId);
        }
        return UUID.fromString(given().auth()
                .oauth2(staff(communityId))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/funds/" + fundId + "/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    public static ValidatableResponse review(UUID communityId, UUID projectId, String step, String decision) {
        return given().auth()
                .oauth2(staff(communityId))
                .contentType(ContentType.JSON)
                .body(Map.of("step", step, "decision", decision, "comment", step + " " + decision))
                .post("/api/v1/projects/" + projectId + "/reviews")
                .then();
    }

    /** Proposed, reviewed by council and committee: in public notice. */
    public static UUID inNotice(UUID communityId, UUID fundId, long budgetFen, UUID activityId) {
        UUID project = propose(communityId, fundId, budgetFen, activityId);
        review(communityId, project, "COUNCIL", "APPROVE").statusCode(201);
        review(communityId, project, "COMMITTEE", "APPROVE").statusCode(201);
        return project;
    }

    /** Through notice with no objection, approved by the scheduler's logic. */
    public static UUID approved(
            NoticeScheduler notices, UUID communityId, UUID fundId, long budgetFen, UUID activityId) {
        UUID project = inNotice(communityId, fundId, budgetFen, activityId);
        notices.approveEndedNotices(Instant.now().plus(8, ChronoUnit.DAYS));
        return project;
    }

    public static long queryLong(String sql, Object... params) {
        return TestDb.count(sql, params);
    }

    /** A resident-service event as that service would publish it. */
    public static void publishResidentEvent(String type, UUID subject, Map<String, Object> data) {
        EventFeed.publishAndWait(
                RESIDENT_TOPIC, type, "/bailian/resident-service", subject, cn.bailian.kit.event.EventJson.write(data));
    }

    public static void organizationRegistered(UUID organizationId, UUID communityId, String name) {
        publishResidentEvent(
                "cn.bailian.resident.organization.registered.v1",
                organizationId,
                Map.of(
                        "organizationId",
                        organizationId,
                        "communityId",
                        communityId,
                        "name",
                        name,
                        "kind",
                        "SOCIAL_WORK"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() ->
                        queryLong("select count(*) from known_organization where organization_id = ?", organizationId)
                                == 1);
    }

    public static void residentRegistered(UUID residentId, UUID communityId, String displayName, String status) {
        publishResidentEvent(
                "cn.bailian.resident.registered.v1",
                residentId,
                Map.of(
                        "residentId",
                        residentId,
                        "communityId",
                        communityId,
                        "householdId",
                        UUID.randomUUID(),
                        "compoundId",
                        UUID.randomUUID(),
                        "displayName",
                        displayName,
                        "gender",
                        "FEMALE",
                        "birthDate",
                        "1980-05-01",
                        "residencyType",
                        "PERMANENT",
                        "status",
                        status));
    }
}
