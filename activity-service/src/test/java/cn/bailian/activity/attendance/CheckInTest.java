package cn.bailian.activity.attendance;

import static cn.bailian.activity.Fixtures.activityJson;
import static cn.bailian.activity.Fixtures.adults;
import static cn.bailian.activity.Fixtures.enrol;
import static cn.bailian.activity.Fixtures.published;
import static cn.bailian.activity.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.activity.ActivityEvents;
import cn.bailian.activity.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class CheckInTest {

    private static final String PROBLEM = "application/problem+json";

    private static ValidatableResponse checkIn(String token, String session, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/sessions/" + session + "/check-ins")
                .then();
    }

    @Test
    void participantsCheckInOncePerSessionByEnrollmentOrCode() {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 3);
        UUID provider = Fixtures.organization(community);
        UUID activity = published(
                community,
                activityJson(community, 2, null, null, false)
                        .replace("\"category\"", "\"providerOrganizationId\":\"" + provider + "\",\"category\""),
                10);
        String session = given().when()
                .get("/api/v1/activities/" + activity + "/sessions")
                .then()
                .extract()
                .path("[0].id");
        String first = enrol(DevTokens.resident(people.get(0), community), activity, people.get(0), null)
                .statusCode(201)
                .extract()
                .path("id");
        String code = enrol(DevTokens.resident(people.get(1), community), activity, people.get(1), null)
                .statusCode(201)
                .extract()
                .path("checkInCode");
        String waitlisted = enrol(DevTokens.resident(people.get(2), community), activity, people.get(2), null)
                .statusCode(201)
                .body("status", equalTo("WAITLISTED"))
                .extract()
                .path("id");

        // residents do not check themselves in
        checkIn(DevTokens.resident(people.get(0), community), session, "{\"enrollmentId\":\"" + first + "\"}")
                .statusCode(403);
        checkIn(staff(UUID.randomUUID()), session, "{\"enrollmentId\":\"" + first + "\"}")
                .statusCode(403);

        try (EventProbe events = EventProbe.on("bailian.activity.events")) {
            String attendance = checkIn(staff(community), session, "{\"enrollmentId\":\"" + first + "\"}")
                    .statusCode(201)
                    .body("method", equalTo("ENROLLMENT"))
                    .body("residentId", equalTo(people.get(0).toString()))
                    .extract()
                    .path("id");
            EventProbe.Received recorded = events.await(
                    ActivityEvents.ATTENDANCE_RECORDED, r -> r.subject().equals(attendance));
            assertThat(recorded.data().path("sessionId").asText()).isEqualTo(session);
            assertThat(recorded.data().path("activityId").asText()).isEqualTo(activity.toString());
            assertThat(recorded.data().path("enrollmentId").asText()).isEqualTo(first);
            assertThat(recorded.data().path("residentId").asText())
                    .isEqualTo(people.get(0).toString());
            assertThat(recorded.data().path("communityId").asText()).isEqualTo(community.toString());
            assertThat(recorded.data().path("checkedInAt").asText()).isNotBlank();
        }
        checkIn(staff(community), session, "{\"enrollmentId\":\"" + first + "\"}")
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("ALREADY_CHECKED_IN"));
        // the provider's people check in by code, typed in lower case at the door
        checkIn(Fixtures.providerToken(provider), session, "{\"code\":\"" + code.toLowerCase(Locale.ROOT) + "\"}")
                .statusCode(201)
                .body("method", equalTo("CODE"))
                .body("residentId", equalTo(people.get(1).toString()));
        checkIn(staff(community), session, "{\"code\":\"" + code + "\"}")
                .statusCode(409)
                .body("code", equalTo("ALREADY_CHECKED_IN"));
        checkIn(staff(community), session, "{\"code\":\"ZZZZ2222\"}")
                .statusCode(404)
                .body("code", equalTo("CHECK_IN_CODE_UNKNOWN"));
        checkIn(staff(community), session, "{\"enrollmentId\":\"" + waitlisted + "\"}")
                .statusCode(409)
                .body("code", equalTo("ENROLLMENT_NOT_CONFIRMED"));
        checkIn(staff(community), session, "{\"enrollmentId\":\"" + UUID.randomUUID() + "\"}")
                .statusCode(404)
                .body("code", equalTo("ENROLLMENT_NOT_FOUND"));
        checkIn(staff(community), session, "{}").statusCode(400);
        checkIn(staff(community), UUID.randomUUID().toString(), "{\"enrollmentId\":\"" + first + "\"}")
                .statusCode(404)
                .body("code", equalTo("SESSION_NOT_FOUND"));

        given().auth()
                .oauth2(staff(community))
                .when()
                .get("/api/v1/sessions/" + session + "/attendance")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].enrollmentId", equalTo(first));
        given().auth()
                .oauth2(Fixtures.providerToken(provider))
                .when()
                .get("/api/v1/sessions/" + session + "/attendance")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
        given().auth()
                .oauth2(DevTokens.resident(people.get(0), community))
                .when()
                .get("/api/v1/sessions/" + session + "/attendance")
                .then()
                .statusCode(403);
        assertThat(Fixtures.count("select count(*) from attendance where session_id = '" + session + "'"))
                .isEqualTo(2);
    }

    @Test
    void twoDoorsScanningOneCodeAtOnceRecordOneAttendance() throws Exception {
        UUID community = UUID.randomUUID();
        UUID me = adults(community, 1).get(0);
        UUID activity = published(community, 5);
        String session = given().when()
                .get("/api/v1/activities/" + activity + "/sessions")
                .then()
                .extract()
                .path("[0].id");
        String code = enrol(DevTokens.resident(me, community), activity, me, null)
                .statusCode(201)
                .extract()
                .path("checkInCode");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<ValidatableResponse>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return checkIn(staff(community), session, "{\"code\":\"" + code + "\"}");
            }));
        }
        start.countDown();
        int created = 0;
        for (var answer : answers) {
            ValidatableResponse response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (response.extract().statusCode() == 201) {
                created++;
            } else {
                response.statusCode(409).body("code", equalTo("ALREADY_CHECKED_IN"));
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from attendance where session_id = '" + session + "'"))
                .isEqualTo(1);
    }
}
