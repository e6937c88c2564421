package cn.bailian.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every packaged service serves the operations endpoints an orchestrator and an integrator rely on. */
class OperationsEndpointsIT {

    @ParameterizedTest
    @ValueSource(strings = {"resident-service", "farm-service", "activity-service", "fund-service"})
    void servesHealthMetricsAndApiDocuments(String service) {
        String base = Platform.get().url(service);
        given().baseUri(base).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base).get("/q/metrics").then().statusCode(200).body(containsString("bailian_outbox_backlog"));
        given().baseUri(base)
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
        given().baseUri(base).get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
