package cn.bailian.activity.activity;

import static cn.bailian.activity.Fixtures.SHANGHAI;
import static cn.bailian.activity.Fixtures.activityJson;
import static cn.bailian.activity.Fixtures.addSession;
import static cn.bailian.activity.Fixtures.adult;
import static cn.bailian.activity.Fixtures.adults;
import static cn.bailian.activity.Fixtures.at;
import static cn.bailian.activity.Fixtures.count;
import static cn.bailian.activity.Fixtures.draft;
import static cn.bailian.activity.Fixtures.enrol;
import static cn.bailian.activity.Fixtures.published;
import static cn.bailian.activity.Fixtures.staff;
import static cn.bailian.activity.Fixtures.venue;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import cn.bailian.activity.ActivityEvents;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ActivityResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void staffCreateADraftThatOnlyTheyCanSee() {
        UUID community = UUID.randomUUID();
        String json = activityJson(community, 20, 4, 10, true);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/v1/activities")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(staff(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/v1/activities")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/v1/activities")
                .then()
                .statusCode(401);
        String id = given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/v1/activities")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("feeFen", equalTo(3000))
                .body("parentChild", equalTo(true))
                .body("fundedByCommunityFund", equalTo(false))
                .body("placesLeft", equalTo(20))
                .extract()
                .path("id");
        given().when()
                .get("/api/v1/activities/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("ACTIVITY_NOT_FOUND"));
        given().auth()
                .oauth2(staff(community))
                .when()
                .get("/api/v1/activities/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void feeMustFitTheModel() {
        UUID community = UUID.randomUUID();
        given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body(activityJson(community, 20, null, null, false).replace("\"MARKET\"", "\"PUBLIC_WELFARE\""))
                .when()
                .post("/api/v1/activities")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("code", equalTo("FEE_INCONSISTENT"));
        given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(activityJson(community, 20, null, null, false).replace("\"feeFen\":3000", "\"feeFen\":0"))
                .when()
                .post("/api/v1/activities")
                .then()
                .statusCode(422)
                .body("code", equalTo("FEE_INCONSISTENT"))
                .body("title", equalTo("Fee does not fit the model"));
        given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body(activityJson(community, 20, null, null, false)
                        .replace("\"MARKET\"", "\"PUBLIC_WELFARE\"")
                        .replace("\"feeFen\":3000,", ""))
                .when()
                .post("/api/v1/activities")
                .then()
                .statusCode(201)
                .body("feeFen", equalTo(0));
        given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body(activityJson(community, 20, 12, 6, false))
                .when()
                .post("/api/v1/activities")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("maxAge"));
        given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body(activityJson(community, 0, null, null, false).replace("\"BAKING\"", "\"KNITTING\""))
                .when()
                .post("/api/v1/activities")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void publishingNeedsASessionAndPublishesTheEvent() {
        UUID community = UUID.randomUUID();
        UUID activity = draft(community, activityJson(community, 20, null, null, false));
        given().auth()
                .oauth2(staff(community))
                .when()
                .post("/api/v1/activities/" + activity + "/publish")
                .then()
                .statusCode(422)
                .body("code", equalTo("ACTIVITY_HAS_NO_SESSIONS"));
        addSession(community, activity, venue(community), at(12, 10), at(12, 12))
                .statusCode(201)
                .body("status", equalTo("SCHEDULED"))
                .body("bookingId", notNullValue());
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .when()
                .post("/api/v1/activities/" + activity + "/publish")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(staff(community))
                .header("If-Match", "\"7\"")
                .when()
                .post("/api/v1/activities/" + activity + "/publish")
                .then()
                .statusCode(412)
                .body("code", equalTo("VERSION_MISMATCH"));
        try (EventProbe events = EventProbe.on("bailian.activity.events")) {
            given().auth()
                    .oauth2(staff(community))
                    .header("If-Match", "\"0\"")
                    .when()
                    .post("/api/v1/activities/" + activity + "/publish")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("PUBLISHED"))
                    .body("publishedAt", notNullValue());
            EventProbe.Received published = events.await(
                    ActivityEvents.ACTIVITY_PUBLISHED, r -> r.subject().equals(activity.toString()));
            assertThat(published.data().path("communityId").asText()).isEqualTo(community.toString());
            assertThat(published.data().path("category").asText()).isEqualTo("BAKING");
            assertThat(published.data().path("model").asText()).isEqualTo("MARKET");
            assertThat(published.data().path("feeFen").asLong()).isEqualTo(3000);
        }
        given().auth()
                .oauth2(staff(community))
                .when()
                .post("/api/v1/activities/" + activity + "/publish")
                .then()
                .statusCode(409)
                .body("code", equalTo("ACTIVITY_NOT_DRAFT"));
        given().when().get("/api/v1/activities/" + activity).then().statusCode(200);
    }

    @Test
    void aSessionBooksItsVenueAndCannotTakeABookedOne() {
        UUID community = UUID.randomUUID();
        UUID me = adult(community);
        UUID venue = venue(community);
        UUID activity = draft(community, activityJson(community, 20, null, null, false));
        given().auth()
                .oauth2(DevTokens.resident(me, community))
                .contentType(ContentType.JSON)
                .body("{\"residentId\":\"" + me + "\",\"startsAt\":\"" + at(13, 9) + "\",\"endsAt\":\"" + at(13, 11)
                        + "\"}")
                .when()
                .post("/api/v1/venues/" + venue + "/bookings")
                .then()
                .statusCode(201);
        addSession(community, activity, venue, at(13, 10), at(13, 12))
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("BOOKING_OVERLAP"));
        addSession(community, activity, venue, at(13, 11), at(13, 12)).statusCode(201);
        // and now a resident cannot take the session's slot
        given().auth()
                .oauth2(DevTokens.resident(me, community))
                .contentType(ContentType.JSON)
                .body("{\"residentId\":\"" + me + "\",\"startsAt\":\"" + at(13, 11) + "\",\"endsAt\":\"" + at(13, 13)
                        + "\"}")
                .when()
                .post("/api/v1/venues/" + venue + "/bookings")
                .then()
                .statusCode(409)
                .body("code", equalTo("BOOKING_OVERLAP"));
        addSession(community, activity, venue(UUID.randomUUID()), at(14, 10), at(14, 12))
                .statusCode(422)
                .body("code", equalTo("VENUE_NOT_FOUND"));
        given().auth()
                .oauth2(staff(community))
                .when()
                .get("/api/v1/activities/" + activity + "/sessions")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void thePublicListShowsPublishedActivitiesByCategoryAgeAndDate() {
        UUID community = UUID.randomUUID();
        UUID baking = published(community, activityJson(community, 20, 4, 10, false), 10);
        UUID sports = published(
                community, activityJson(community, 20, 12, 16, false).replace("\"BAKING\"", "\"SPORTS\""), 20);
        draft(community, activityJson(community, 20, null, null, false));

        given().queryParam("communityId", community)
                .when()
                .get("/api/v1/activities")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].id", equalTo(baking.toString()))
                .body("items[1].id", equalTo(sports.toString()));
        given().queryParam("communityId", community)
                .queryParam("category", "SPORTS")
                .when()
                .get("/api/v1/activities")
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(sports.toString()));
        given().queryParam("communityId", community)
                .queryParam("age", 6)
                .when()
                .get("/api/v1/activities")
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(baking.toString()));
        LocalDate today = LocalDate.now(SHANGHAI);
        given().queryParam("communityId", community)
                .queryParam("from", today.plusDays(15).toString())
                .queryParam("to", today.plusDays(25).toString())
                .when()
                .get("/api/v1/activities")
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(sports.toString()));
        given().queryParam("communityId", community)
                .queryParam("to", today.plusDays(10).toString())
                .when()
                .get("/api/v1/activities")
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(baking.toString()));
        given().queryParam("communityId", community)
                .queryParam("size", 1)
                .when()
                .get("/api/v1/activities")
                .then()
                .body("total", equalTo(2))
                .body("items", hasSize(1))
                .body("size", equalTo(1));
        given().queryParam("category", "KNITTING")
                .when()
                .get("/api/v1/activities")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("category"));
        given().queryParam("age", "six").when().get("/api/v1/activities").then().statusCode(400);
        given().queryParam("from", "tomorrow")
                .when()
                .get("/api/v1/activities")
                .then()
                .statusCode(400);
        given().when()
                .get("/api/v1/activities/" + baking + "/sessions")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void cancellingAnActivityCancelsItsEnrollmentsAndFreesItsVenue() {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 3);
        UUID venue = venue(community);
        UUID activity = draft(community, activityJson(community, 2, null, null, false));
        addSession(community, activity, venue, at(15, 10), at(15, 12)).statusCode(201);
        given().auth()
                .oauth2(staff(community))
                .when()
                .post("/api/v1/activities/" + activity + "/publish")
                .then()
                .statusCode(200);
        for (UUID p : people) {
            enrol(DevTokens.resident(p, community), activity, p, null).statusCode(201);
        }
        given().auth()
                .oauth2(DevTokens.resident(people.get(0), community))
                .when()
                .post("/api/v1/activities/" + activity + "/cancel")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(staff(community))
                .when()
                .post("/api/v1/activities/" + activity + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("confirmedCount", equalTo(0))
                .body("waitlistedCount", equalTo(0));
        assertThat(count("select count(*) from enrollment where activity_id = '" + activity
                        + "' and status = 'CANCELLED' and cancel_reason = 'ACTIVITY_CANCELLED'"))
                .isEqualTo(3);
        given().auth()
                .oauth2(staff(community))
                .when()
                .post("/api/v1/activities/" + activity + "/cancel")
                .then()
                .statusCode(409)
                .body("code", equalTo("ACTIVITY_CANCELLED"));
        enrol(DevTokens.resident(people.get(0), community), activity, people.get(0), null)
                .statusCode(409)
                .body("code", equalTo("ACTIVITY_CANCELLED"));
        // the session's slot can be booked by a resident again
        given().auth()
                .oauth2(DevTokens.resident(people.get(0), community))
                .contentType(ContentType.JSON)
                .body("{\"residentId\":\"" + people.get(0) + "\",\"startsAt\":\"" + at(15, 10) + "\",\"endsAt\":\""
                        + at(15, 12) + "\"}")
                .when()
                .post("/api/v1/venues/" + venue + "/bookings")
                .then()
                .statusCode(201);
        // a cancelled activity stays visible with its status
        given().when()
                .get("/api/v1/activities/" + activity)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }
}
