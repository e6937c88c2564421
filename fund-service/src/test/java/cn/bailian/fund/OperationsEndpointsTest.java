package cn.bailian.fund;

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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class OperationsEndpointsTest {

    @Test
    void everyOperationIsDocumentedWithIdTagAndProblemResponses() throws Exception {
        String json = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode paths = new ObjectMapper().readTree(json).path("paths");
        List<String> operationIds = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                operationIds.add(operation.path("operationId").asText());
                if (operation.path("operationId").asText().isEmpty()
                        || operation.path("summary").asText().isEmpty()
                        || operation.path("tags").isEmpty()) {
                    undocumented.add(where + " lacks operationId, summary or tag");
                }
                boolean problem = false;
                for (Iterator<Map.Entry<String, JsonNode>> rs =
                                operation.path("responses").fields();
                        rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    if (r.getKey().startsWith("4")
                            && r.getValue().path("content").has("application/problem+json")) {
                        problem = true;
                    }
                }
                if (!problem) {
                    undocumented.add(where + " documents no 4xx problem response");
                }
            }
        }
        assertThat(undocumented).isEmpty();
        assertThat(operationIds)
                .hasSize(new HashSet<>(operationIds).size())
                .contains(
                        "createFund",
                        "getFund",
                        "listFunds",
                        "recordDonation",
                        "refundDonation",
                        "proposeProject",
                        "reviewProject",
                        "objectToProject",
                        "addMilestone",
                        "completeProject",
                        "disburse",
                        "listLedger",
                        "verifyLedger",
                        "transparencyReport");
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
