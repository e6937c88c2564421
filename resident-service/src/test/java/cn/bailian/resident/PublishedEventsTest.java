package cn.bailian.resident;

import static io.restassured.RestAssured.given;

import cn.bailian.testkit.AsyncApiContract;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * resident-service's events against its AsyncAPI document (asyncapi/asyncapi.yaml): the test makes the service
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
            Fixtures f = Fixtures.community(); // household registered
            UUID mother = f.adult("胡芳", "SELF"); // registered
            UUID child = f.registerOk(f.person("胡小", LocalDate.now().minusYears(6), "CHILD"));
            given().auth()
                    .oauth2(f.staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("guardianId", mother, "relation", "MOTHER"))
                    .post("/api/v1/residents/" + child + "/guardians")
                    .then()
                    .statusCode(201); // guardian linked
            String url = "/api/v1/residents/" + mother;
            String etag = given().auth()
                    .oauth2(f.staff)
                    .get(url)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            given().auth()
                    .oauth2(f.staff)
                    .header("If-Match", etag)
                    .contentType(ContentType.JSON)
                    .body(Map.of("residencyType", "FLOATING"))
                    .patch(url)
                    .then()
                    .statusCode(200); // updated
            given().auth()
                    .oauth2(f.staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("date", "2026-01-01"))
                    .post(url + "/move-out")
                    .then()
                    .statusCode(200); // moved out
            given().auth()
                    .oauth2(DevTokens.admin())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "communityId",
                            f.communityId,
                            "name",
                            "广场舞队-" + UUID.randomUUID(),
                            "kind",
                            "RESIDENT_GROUP"))
                    .post("/api/v1/organizations")
                    .then()
                    .statusCode(201); // organization registered
        });
    }
}
