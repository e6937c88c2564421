package cn.bailian.activity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventFeed;
import cn.bailian.testkit.TestDb;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

/** Test data: other services' events fed in through Kafka, and this service's resources created over HTTP. */
public final class Fixtures {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String RESIDENT_TOPIC = "bailian.resident.events";
    public static final String FUND_TOPIC = "bailian.fund.events";

    private Fixtures() {}

    // ------------------------------------------------------------------ events of other services

    /** Sends one CloudEvent; returns its future so many can be sent before waiting. */
    public static Future<?> send(String topic, String type, String source, UUID subject, String data) {
        return EventFeed.publish(topic, type, source, subject, data);
    }

    public static Future<?> residentEvent(String type, UUID subject, String data) {
        return send(RESIDENT_TOPIC, type, "/bailian/resident-service", subject, data);
    }

    public static Future<?> sendRegistered(UUID residentId, UUID communityId, LocalDate birthDate) {
        return residentEvent("cn.bailian.resident.registered.v1", residentId, """
                {"residentId":"%s","communityId":"%s","householdId":"%s","compoundId":"%s","displayName":"胡*",
                 "gender":"FEMALE","birthDate":"%s","residencyType":"PERMANENT","status":"ACTIVE","someFutureField":1}""".formatted(
                        residentId, communityId, UUID.randomUUID(), UUID.randomUUID(), birthDate));
    }

    /** A registered, active resident of the community, once the projection has it. */
    public static UUID resident(UUID communityId, LocalDate birthDate) {
        UUID id = UUID.randomUUID();
        get(sendRegistered(id, communityId, birthDate));
        awaitCount("select count(*) from resident where id = '" + id + "'", 1);
        return id;
    }

    public static UUID adult(UUID communityId) {
        return resident(communityId, LocalDate.of(1985, 3, 14));
    }

    /** Many residents at once (sent together, then awaited together). */
    public static List<UUID> adults(UUID communityId, int n) {
        List<UUID> ids = new ArrayList<>();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            sent.add(sendRegistered(id, communityId, LocalDate.of(1980, 1, 1).plusDays(i)));
        }
        sent.forEach(Fixtures::get);
        awaitCount("select count(*) from resident where community_id = '" + communityId + "'", n);
        return ids;
    }

    public static void linkGuardian(UUID childId, UUID guardianId, UUID communityId) {
        get(residentEvent(
                "cn.bailian.resident.guardian.linked.v1", childId, """
                {"childId":"%s","guardianId":"%s","relation":"MOTHER","communityId":"%s"}""".formatted(childId, guardianId, communityId)));
        awaitCount(
                "select count(*) from guardian_link where child_id = '" + childId + "' and guardian_id = '" + guardianId
                        + "'",
                1);
    }

    public static UUID organization(UUID communityId) {
        UUID id = UUID.randomUUID();
        get(residentEvent("cn.bailian.resident.organization.registered.v1", id, """
                {"organizationId":"%s","communityId":"%s","name":"蓝天社工服务中心","kind":"SOCIAL_WORKER_AGENCY"}""".formatted(id, communityId)));
        awaitCount("select count(*) from organization where id = '" + id + "'", 1);
        return id;
    }

    // ------------------------------------------------------------------ this service over HTTP

    public static String staff(UUID communityId) {
        return DevTokens.staff(communityId);
    }

    /** A token of a provider organisation's account (SERVICE with an {@code organizationId} claim). */
    public static String providerToken(UUID organizationId) {
        return DevTokens.organization(organizationId);
    }

    /** A venue open around the clock, every day. */
    public static UUID venue(UUID communityId) {
        return venue(communityId, "全天活动室 " + UUID.randomUUID(), 30, allDay());
    }

    public static String allDay() {
        StringBuilder windows = new StringBuilder("[");
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            windows.append(windows.length() > 1 ? "," : "")
                    .append("{\"dayOfWeek\":\"")
                    .append(day)
                    .append("\",\"opens\":\"00:00\",\"closes\":\"00:00\"}");
        }
        return windows.append("]").toString();
    }

    public static UUID venue(UUID communityId, String name, int capacity, String openingHours) {
        return UUID.fromString(given().auth()
                .oauth2(staff(communityId))
                .contentType(ContentType.JSON)
                .body("""
                        {"communityId":"%s","name":"%s","kind":"ROOM","capacity":%d,"openingHours":%s}""".formatted(communityId, name, capacity, openingHours))
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    /** Shanghai local time {@code days} from today at {@code hour}:00, as an instant with offset. */
    public static OffsetDateTime at(int days, int hour) {
        return LocalDate.now(SHANGHAI)
                .plusDays(days)
                .atTime(hour, 0)
                .atZone(SHANGHAI)
                .toOffsetDateTime();
    }

    public static String activityJson(
            UUID communityId, int capacity, Integer minAge, Integer maxAge, boolean parentChild) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"communityId":"%s","title":"亲子烘焙","description":"姜饼屋","category":"BAKING","model":"MARKET","feeFen":3000,
                 "minAge":%s,"maxAge":%s,"parentChild":%s,"capacity":%d,
                 "enrollmentOpensAt":"%s","enrollmentClosesAt":"%s"}""".formatted(communityId, minAge, maxAge, parentChild, capacity, now.minusHours(1), now.plusDays(30));
    }

    public static UUID draft(UUID communityId, String json) {
        return UUID.fromString(given().auth()
                .oauth2(staff(communityId))
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/v1/activities")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    public static ValidatableResponse addSession(
            UUID communityId, UUID activityId, UUID venueId, OffsetDateTime start, OffsetDateTime end) {
        return given().auth()
                .oauth2(staff(communityId))
                .contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\",\"venueId\":\"" + venueId + "\"}")
                .when()
                .post("/api/v1/activities/" + activityId + "/sessions")
                .then();
    }

    public static void publish(UUID communityId, UUID activityId) {
        given().auth()
                .oauth2(staff(communityId))
                .when()
                .post("/api/v1/activities/" + activityId + "/publish")
                .then()
                .statusCode(200);
    }

    /** A published activity with one session on its own venue, {@code days} from today at 10:00. */
    public static UUID published(UUID communityId, String json, int days) {
        UUID activity = draft(communityId, json);
        addSession(communityId, activity, venue(communityId), at(days, 10), at(days, 12))
                .statusCode(201);
        publish(communityId, activity);
        return activity;
    }

    public static UUID published(UUID communityId, int capacity) {
        return published(communityId, activityJson(communityId, capacity, null, null, false), 10);
    }

    public static ValidatableResponse enrol(String token, UUID activityId, UUID participantId, UUID guardianId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(
                        guardianId == null
                                ? "{\"participantId\":\"" + participantId + "\"}"
                                : "{\"participantId\":\"" + participantId + "\",\"guardianId\":\"" + guardianId + "\"}")
                .when()
                .post("/api/v1/activities/" + activityId + "/enrollments")
                .then();
    }

    // ------------------------------------------------------------------ database

    public static long count(String sql) {
        return TestDb.count(sql);
    }

    public static List<List<Object>> rows(String sql) {
        return TestDb.rows(sql);
    }

    public static void awaitCount(String sql, long expected) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count(sql) == expected);
    }

    private static void get(Future<?> future) {
        try {
            future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
