package cn.bailian.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.testkit.BailianTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The operational surface: health, metrics, and an OpenAPI document that describes every operation fully. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class OperationsTest {

    @Test
    void healthAndMetricsAnswer() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void everyOperationHasAnIdSummaryTagAndProblemErrors() throws Exception {
        JsonNode doc = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .when()
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> missing = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String where = op.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode operation = op.getValue();
                    if (!operation.hasNonNull("operationId")
                            || !ids.add(operation.get("operationId").asText())) {
                        missing.add(where + ": operationId");
                    }
                    if (!operation.hasNonNull("summary")) {
                        missing.add(where + ": summary");
                    }
                    if (operation.path("tags").isEmpty()) {
                        missing.add(where + ": tag");
                    }
                    operation.path("responses").fields().forEachRemaining(response -> {
                        if (response.getKey().startsWith("4")
                                && response.getValue()
                                        .path("content")
                                        .path("application/problem+json")
                                        .isMissingNode()) {
                            missing.add(where + ": " + response.getKey() + " as problem+json");
                        }
                    });
                }));
        assertThat(missing).isEmpty();
        assertThat(ids)
                .contains(
                        "createVenue",
                        "bookVenue",
                        "cancelBooking",
                        "checkInBooking",
                        "createActivity",
                        "listActivities",
                        "getActivity",
                        "publishActivity",
                        "cancelActivity",
                        "addSession",
                        "listSessions",
                        "enrol",
                        "cancelEnrollment",
                        "listResidentEnrollments",
                        "listActivityEnrollments",
                        "checkIn",
                        "listAttendance");
        assertThat(doc.path("components")
                                .path("schemas")
                                .path("CreateActivity")
                                .path("properties")
                                .path("title")
                                .path("examples")
                                .isMissingNode()
                        && doc.path("components")
                                .path("schemas")
                                .path("CreateActivity")
                                .path("properties")
                                .path("title")
                                .path("example")
                                .isMissingNode())
                .as("request examples")
                .isFalse();
    }
}
