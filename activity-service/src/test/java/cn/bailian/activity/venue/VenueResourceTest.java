package cn.bailian.activity.venue;

import static cn.bailian.activity.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class VenueResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String venue(UUID community, String name, String hours) {
        return """
                {"communityId":"%s","name":"%s","kind":"ROOFTOP","capacity":25,"openingHours":%s}""".formatted(community, name, hours);
    }

    private static final String WEEKEND = """
            [{"dayOfWeek":"SATURDAY","opens":"09:00","closes":"12:00"},{"dayOfWeek":"SATURDAY","opens":"14:00","closes":"18:00"},
             {"dayOfWeek":"SUNDAY","opens":"09:00","closes":"00:00"}]""";

    @Test
    void staffCreateVenuesAnyoneListsThem() {
        UUID community = UUID.randomUUID();
        String id = given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body(venue(community, "屋顶农场", WEEKEND))
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(201)
                .body("kind", equalTo("ROOFTOP"))
                .body("capacity", equalTo(25))
                .body("openingHours", hasSize(3))
                .body("openingHours[2].closes", equalTo("00:00:00"))
                .extract()
                .path("id");
        given().queryParam("communityId", community)
                .when()
                .get("/api/v1/venues")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        given().when().get("/api/v1/venues/" + id).then().statusCode(200).body("name", equalTo("屋顶农场"));
        given().when()
                .get("/api/v1/venues/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("VENUE_NOT_FOUND"));
        given().when().get("/api/v1/venues").then().statusCode(400).body("errors[0].field", equalTo("communityId"));
    }

    @Test
    void onlyStaffOfTheCommunityCreateVenues() {
        UUID community = UUID.randomUUID();
        String body = venue(community, "会议室", WEEKEND);
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth()
                .oauth2(staff(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(201);
    }

    @Test
    void badOpeningHoursAndDuplicateNamesAreRefused() {
        UUID community = UUID.randomUUID();
        given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body(venue(community, "卡座", "[{\"dayOfWeek\":\"MONDAY\",\"opens\":\"18:00\",\"closes\":\"09:00\"}]"))
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("openingHours[0].closes"));
        given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body(venue(community, "卡座", "[]"))
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("openingHours"));
        given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body(venue(community, "卡座", WEEKEND))
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body(venue(community, "卡座", WEEKEND))
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(409)
                .body("code", equalTo("VENUE_NAME_TAKEN"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        UUID community = UUID.randomUUID();
        String first = given().auth()
                .oauth2(staff(community))
                .header("Idempotency-Key", "venue-1")
                .contentType(ContentType.JSON)
                .body(venue(community, "茶吧", WEEKEND))
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(staff(community))
                .header("Idempotency-Key", "venue-1")
                .contentType(ContentType.JSON)
                .body(venue(community, "茶吧", WEEKEND))
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().auth()
                .oauth2(staff(community))
                .header("Idempotency-Key", "venue-1")
                .contentType(ContentType.JSON)
                .body(venue(community, "休闲卡座", WEEKEND))
                .when()
                .post("/api/v1/venues")
                .then()
                .statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }
}
