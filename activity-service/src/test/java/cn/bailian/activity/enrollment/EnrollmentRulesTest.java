package cn.bailian.activity.enrollment;

import static cn.bailian.activity.Fixtures.activityJson;
import static cn.bailian.activity.Fixtures.adult;
import static cn.bailian.activity.Fixtures.adults;
import static cn.bailian.activity.Fixtures.enrol;
import static cn.bailian.activity.Fixtures.published;
import static cn.bailian.activity.Fixtures.resident;
import static cn.bailian.activity.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.bailian.activity.ActivityEvents;
import cn.bailian.activity.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class EnrollmentRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static EventProbe events;

    @BeforeAll
    static void probe() {
        events = EventProbe.on("bailian.activity.events");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    /** A child of {@code years} on the activity's session date (10 days ahead). */
    private static LocalDate bornYearsAgo(int years) {
        return LocalDate.now(Fixtures.SHANGHAI).plusDays(10).minusYears(years).minusDays(30);
    }

    @Test
    void aResidentEnrolsThemselvesAndGetsACheckInCode() {
        UUID community = UUID.randomUUID();
        UUID me = adult(community);
        UUID activity = published(community, 5);
        String id = enrol(DevTokens.resident(me, community), activity, me, null)
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("participantId", equalTo(me.toString()))
                .body("checkInCode", matchesPattern("[A-HJKMNP-Z2-9]{8}"))
                .body("waitlistPosition", nullValue())
                .extract()
                .path("id");
        EventProbe.Received event = events.await(
                ActivityEvents.ENROLLMENT_CONFIRMED, r -> r.subject().equals(id));
        assertThat(event.key()).isEqualTo(id);
        assertThat(event.data().path("residentId").asText()).isEqualTo(me.toString());
        assertThat(event.data().path("communityId").asText()).isEqualTo(community.toString());
        assertThat(event.data().path("activityId").asText()).isEqualTo(activity.toString());
        assertThat(event.data().path("status").asText()).isEqualTo("CONFIRMED");

        given().auth()
                .oauth2(DevTokens.resident(me, community))
                .when()
                .get("/api/v1/activities/" + activity)
                .then()
                .statusCode(200)
                .body("confirmedCount", equalTo(1))
                .body("placesLeft", equalTo(4));
    }

    @Test
    void enrollingTwiceIsAConflict() {
        UUID community = UUID.randomUUID();
        UUID me = adult(community);
        UUID activity = published(community, 5);
        enrol(DevTokens.resident(me, community), activity, me, null).statusCode(201);
        enrol(DevTokens.resident(me, community), activity, me, null)
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("ALREADY_ENROLLED"));
        enrol(staff(community), activity, me, null).statusCode(409).body("code", equalTo("ALREADY_ENROLLED"));
    }

    @Test
    void theAgeRangeIsCheckedOnTheFirstSessionDate() {
        UUID community = UUID.randomUUID();
        UUID guardian = adult(community);
        UUID six = resident(community, bornYearsAgo(6));
        UUID twelve = resident(community, bornYearsAgo(12));
        Fixtures.linkGuardian(six, guardian, community);
        Fixtures.linkGuardian(twelve, guardian, community);
        UUID activity = published(community, activityJson(community, 10, 4, 10, false), 10);
        String token = DevTokens.resident(guardian, community);
        enrol(token, activity, twelve, guardian)
                .statusCode(422)
                .contentType(PROBLEM)
                .body("code", equalTo("AGE_OUT_OF_RANGE"));
        enrol(token, activity, six, guardian).statusCode(201).body("guardianId", equalTo(guardian.toString()));
        // an adult is out of a 4–10 range too
        enrol(token, activity, guardian, null).statusCode(422).body("code", equalTo("AGE_OUT_OF_RANGE"));
    }

    @Test
    void aMinorNeedsALinkedGuardian() {
        UUID community = UUID.randomUUID();
        UUID mother = adult(community);
        UUID stranger = adult(community);
        UUID child = resident(community, bornYearsAgo(8));
        Fixtures.linkGuardian(child, mother, community);
        UUID activity = published(community, 10);

        enrol(staff(community), activity, child, null)
                .statusCode(422)
                .contentType(PROBLEM)
                .body("code", equalTo("GUARDIAN_REQUIRED"));
        // the stranger may act as "guardian" in the request, but is not linked to the child
        enrol(DevTokens.resident(stranger, community), activity, child, stranger)
                .statusCode(422)
                .body("code", equalTo("GUARDIAN_REQUIRED"));
        // the child alone, even with their own token, needs the guardian named
        enrol(DevTokens.resident(child, community), activity, child, null)
                .statusCode(422)
                .body("code", equalTo("GUARDIAN_REQUIRED"));
        enrol(DevTokens.resident(mother, community), activity, child, mother)
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void aParentChildActivityNeedsTheGuardianEvenForAnAdultParticipant() {
        UUID community = UUID.randomUUID();
        UUID adult = adult(community);
        UUID activity = published(community, activityJson(community, 10, null, null, true), 10);
        enrol(DevTokens.resident(adult, community), activity, adult, null)
                .statusCode(422)
                .body("code", equalTo("GUARDIAN_REQUIRED"));
    }

    @Test
    void participantsMustBeActiveResidentsOfTheActivitysCommunity() {
        UUID community = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        UUID outsider = adult(elsewhere);
        UUID unknown = UUID.randomUUID();
        UUID activity = published(community, 10);
        enrol(staff(community), activity, outsider, null)
                .statusCode(422)
                .contentType(PROBLEM)
                .body("code", equalTo("RESIDENT_NOT_ELIGIBLE"));
        enrol(staff(community), activity, unknown, null).statusCode(422).body("code", equalTo("RESIDENT_NOT_ELIGIBLE"));
    }

    @Test
    void enrollmentOutsideItsWindowIsClosed() {
        UUID community = UUID.randomUUID();
        UUID me = adult(community);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String notYet = activityJson(community, 10, null, null, false)
                .replaceAll("\"enrollmentOpensAt\":\"[^\"]+\"", "\"enrollmentOpensAt\":\"" + now.plusDays(2) + "\"")
                .replaceAll("\"enrollmentClosesAt\":\"[^\"]+\"", "\"enrollmentClosesAt\":\"" + now.plusDays(5) + "\"");
        UUID activity = published(community, notYet, 10);
        enrol(DevTokens.resident(me, community), activity, me, null)
                .statusCode(422)
                .contentType(PROBLEM)
                .body("code", equalTo("ENROLLMENT_CLOSED"));
    }

    @Test
    void whoMayEnrolWhom() {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 3);
        UUID activity = published(community, 10);
        // another resident may not enrol someone else
        enrol(DevTokens.resident(people.get(1), community), activity, people.get(0), null)
                .statusCode(403)
                .contentType(PROBLEM)
                .body("code", equalTo("FORBIDDEN"));
        // staff of another community may not
        enrol(staff(UUID.randomUUID()), activity, people.get(0), null).statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + people.get(0) + "\"}")
                .when()
                .post("/api/v1/activities/" + activity + "/enrollments")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        enrol(staff(community), activity, people.get(0), null).statusCode(201);
        enrol(DevTokens.admin(), activity, people.get(1), null).statusCode(201);
        enrol(DevTokens.resident(people.get(2), community), activity, people.get(2), null)
                .statusCode(201);
    }

    @Test
    void aCancellationPromotesTheHeadOfTheWaitlist() {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 4);
        UUID activity = published(community, 2);
        String[] ids = new String[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = enrol(DevTokens.resident(people.get(i), community), activity, people.get(i), null)
                    .statusCode(201)
                    .body("status", equalTo(i < 2 ? "CONFIRMED" : "WAITLISTED"))
                    .extract()
                    .path("id");
        }
        given().auth()
                .oauth2(DevTokens.resident(people.get(2), community))
                .when()
                .get("/api/v1/enrollments/" + ids[2])
                .then()
                .statusCode(200)
                .body("waitlistPosition", equalTo(1))
                .body("checkInCode", nullValue());
        events.await(ActivityEvents.ENROLLMENT_WAITLISTED, r -> r.subject().equals(ids[3]));

        // someone else may not cancel it
        given().auth()
                .oauth2(DevTokens.resident(people.get(1), community))
                .when()
                .post("/api/v1/enrollments/" + ids[0] + "/cancel")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(people.get(0), community))
                .when()
                .post("/api/v1/enrollments/" + ids[0] + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("PARTICIPANT"));
        given().auth()
                .oauth2(DevTokens.resident(people.get(2), community))
                .when()
                .get("/api/v1/enrollments/" + ids[2])
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("checkInCode", notNullValue())
                .body("promotedAt", notNullValue());
        given().auth()
                .oauth2(DevTokens.resident(people.get(3), community))
                .when()
                .get("/api/v1/enrollments/" + ids[3])
                .then()
                .body("status", equalTo("WAITLISTED"));
        events.await(ActivityEvents.ENROLLMENT_CANCELLED, r -> r.subject().equals(ids[0]));
        EventProbe.Received promoted = events.await(
                ActivityEvents.ENROLLMENT_PROMOTED, r -> r.subject().equals(ids[2]));
        assertThat(promoted.data().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(promoted.data().path("residentId").asText())
                .isEqualTo(people.get(2).toString());

        // leaving the waitlist promotes nobody and frees nothing
        given().auth()
                .oauth2(staff(community))
                .when()
                .post("/api/v1/enrollments/" + ids[3] + "/cancel")
                .then()
                .statusCode(200)
                .body("cancelReason", equalTo("STAFF"));
        given().auth()
                .oauth2(staff(community))
                .when()
                .post("/api/v1/enrollments/" + ids[3] + "/cancel")
                .then()
                .statusCode(409)
                .body("code", equalTo("ENROLLMENT_NOT_ACTIVE"));
        given().when()
                .get("/api/v1/activities/" + activity)
                .then()
                .statusCode(200)
                .body("confirmedCount", equalTo(2))
                .body("waitlistedCount", equalTo(0));
        // the freed participant may enrol again, at the back of the line
        enrol(DevTokens.resident(people.get(0), community), activity, people.get(0), null)
                .statusCode(201)
                .body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(3));
    }

    @Test
    void listsOfEnrollmentsAreForTheResidentStaffAndProvider() {
        UUID community = UUID.randomUUID();
        UUID mother = adult(community);
        UUID child = resident(community, bornYearsAgo(7));
        UUID other = adult(community);
        Fixtures.linkGuardian(child, mother, community);
        UUID provider = Fixtures.organization(community);
        String json = activityJson(community, 10, null, null, false)
                .replace("\"category\"", "\"providerOrganizationId\":\"" + provider + "\",\"category\"");
        UUID activity = published(community, json, 10);
        String enrollment = enrol(DevTokens.resident(mother, community), activity, child, mother)
                .statusCode(201)
                .extract()
                .path("id");

        // the guardian sees the child's enrollment among their own; so does staff; another resident does not
        given().auth()
                .oauth2(DevTokens.resident(mother, community))
                .queryParam("residentId", mother)
                .when()
                .get("/api/v1/enrollments")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(enrollment));
        given().auth()
                .oauth2(staff(community))
                .queryParam("residentId", child)
                .when()
                .get("/api/v1/enrollments")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        given().auth()
                .oauth2(DevTokens.resident(other, community))
                .queryParam("residentId", mother)
                .when()
                .get("/api/v1/enrollments")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(staff(community))
                .queryParam("residentId", "not-a-uuid")
                .when()
                .get("/api/v1/enrollments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("residentId"));

        given().auth()
                .oauth2(staff(community))
                .when()
                .get("/api/v1/activities/" + activity + "/enrollments")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.participantId", hasItems(child.toString()));
        given().auth()
                .oauth2(Fixtures.providerToken(provider))
                .when()
                .get("/api/v1/activities/" + activity + "/enrollments")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        given().auth()
                .oauth2(Fixtures.providerToken(UUID.randomUUID()))
                .when()
                .get("/api/v1/activities/" + activity + "/enrollments")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(mother, community))
                .when()
                .get("/api/v1/activities/" + activity + "/enrollments")
                .then()
                .statusCode(403);
        given().when()
                .get("/api/v1/activities/" + activity + "/enrollments")
                .then()
                .statusCode(401);
    }

    @Test
    void idempotencyKeyReplaysTheEnrollment() {
        UUID community = UUID.randomUUID();
        UUID me = adult(community);
        UUID activity = published(community, 5);
        String body = "{\"participantId\":\"" + me + "\"}";
        String first = given().auth()
                .oauth2(DevTokens.resident(me, community))
                .header("Idempotency-Key", "enrol-1")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/activities/" + activity + "/enrollments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(DevTokens.resident(me, community))
                .header("Idempotency-Key", "enrol-1")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/activities/" + activity + "/enrollments")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
    }
}
