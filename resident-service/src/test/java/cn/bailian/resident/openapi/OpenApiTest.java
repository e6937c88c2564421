package cn.bailian.resident.openapi;

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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every operation is described: operationId, summary, tag, a success response and problem+json errors. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

    @Test
    void everyOperationIsDocumented() throws Exception {
        String text = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), text); // for reviewers
        JsonNode doc = new ObjectMapper().readTree(text);
        Set<String> ids = new HashSet<>();
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "patch", "put", "delete").contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey() + " " + path.getKey();
                operations.add(name);
                JsonNode o = op.getValue();
                assertThat(o.path("operationId").asText()).as(name).isNotBlank();
                assertThat(ids.add(o.path("operationId").asText())).as("unique id of " + name).isTrue();
                assertThat(o.path("summary").asText()).as(name).isNotBlank();
                assertThat(o.path("tags").size()).as(name).isPositive();
                JsonNode responses = o.path("responses");
                assertThat(responses.has("200") || responses.has("201")).as(name).isTrue();
                boolean anyClientError = false;
                for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                    String code = codes.next();
                    if (code.startsWith("4")) {
                        anyClientError = true;
                        assertThat(responses.path(code).path("content").has("application/problem+json")).as(name + " " + code).isTrue();
                    }
                }
                assertThat(anyClientError).as(name).isTrue();
            }
        }
        assertThat(ids).contains("createCommunity", "listCommunities", "getCommunity", "getCommunityStats", "createCompound",
                "listCompounds", "createHousehold", "getHousehold", "registerResident", "getResident", "listResidents",
                "updateResident", "moveOutResident", "linkGuardian", "createOrganization", "listOrganizations", "getParticipation",
                "getParticipationRanking", "importResidents", "getResidentAudit");
        assertThat(doc.path("paths").path("/api/v1/residents/import").path("post").path("requestBody").path("content").has("text/csv")).isTrue();
        JsonNode phone = doc.path("components").path("schemas").path("CreateResident").path("properties").path("phone");
        assertThat(phone.has("examples") ? phone.path("examples").path(0).asText() : phone.path("example").asText()).isEqualTo("13812345678");
    }
}
