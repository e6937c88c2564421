package cn.bailian.activity;

import static cn.bailian.activity.Fixtures.adults;
import static cn.bailian.activity.Fixtures.at;
import static cn.bailian.activity.Fixtures.enrol;
import static cn.bailian.activity.Fixtures.published;
import static cn.bailian.activity.Fixtures.staff;
import static cn.bailian.activity.Fixtures.venue;
import static io.restassured.RestAssured.given;

import cn.bailian.testkit.AsyncApiContract;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

/**
 * activity-service's events against its AsyncAPI document (asyncapi/asyncapi.yaml): the test makes the service
 * publish every documented type itself, so it holds whatever other tests ran, in whatever order.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class PublishedEventsTest {

    @Test
    void examplesConformToTheirSchemas() {
        AsyncApiContract.own().assertExamplesConform();
    }

    @Test
    void everyTypeTheServicePublishesConformsToTheDocument() {
        AsyncApiContract.own().assertScenarioPublishesConformingEvents(() -> {
            UUID community = UUID.randomUUID();
            List<UUID> people = adults(community, 2);
            UUID activity = published(community, 1); // published
            String session = given().when()
                    .get("/api/v1/activities/" + activity + "/sessions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("[0].id");
            String first = enrol(DevTokens.resident(people.get(0), community), activity, people.get(0), null)
                    .statusCode(201)
                    .extract()
                    .path("id"); // enrollment confirmed
            String second = enrol(DevTokens.resident(people.get(1), community), activity, people.get(1), null)
                    .statusCode(201)
                    .extract()
                    .path("id"); // waitlisted
            given().auth()
                    .oauth2(DevTokens.resident(people.get(0), community))
                    .when()
                    .post("/api/v1/enrollments/" + first + "/cancel")
                    .then()
                    .statusCode(200); // cancelled, and the waitlisted one promoted
            given().auth()
                    .oauth2(staff(community))
                    .contentType(ContentType.JSON)
                    .body("{\"enrollmentId\":\"" + second + "\"}")
                    .when()
                    .post("/api/v1/sessions/" + session + "/check-ins")
                    .then()
                    .statusCode(201); // attendance recorded
            given().auth()
                    .oauth2(DevTokens.resident(people.get(0), community))
                    .contentType(ContentType.JSON)
                    .body("{\"residentId\":\"" + people.get(0) + "\",\"startsAt\":\"" + at(13, 9) + "\",\"endsAt\":\""
                            + at(13, 11) + "\"}")
                    .when()
                    .post("/api/v1/venues/" + venue(community) + "/bookings")
                    .then()
                    .statusCode(201); // venue booked
        });
    }
}
