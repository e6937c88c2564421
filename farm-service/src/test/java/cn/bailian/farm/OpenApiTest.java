package cn.bailian.farm;

import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

    @Test
    void everyOperationIsNamedTaggedAndDocumentsItsProblems() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> operationIds = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String where = method + " " + path;
            assertThat(operation.get("operationId")).as(where).isNotNull();
            assertThat((List<?>) operation.get("tags")).as(where).isNotEmpty();
            assertThat((String) operation.get("summary")).as(where).isNotBlank();
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                if (status.startsWith("4")) {
                    assertThat(String.valueOf(response.get("content"))).as(where + " " + status).contains("application/problem+json");
                }
            });
            operationIds.add((String) operation.get("operationId"));
        }));
        assertThat(operationIds).doesNotHaveDuplicates().contains(
                "createFarm", "listFarms", "getFarm", "createPlot", "listPlots", "getPlot", "updatePlot",
                "claimPlot", "getClaim", "listClaims", "releaseClaim", "renewClaim", "revokeClaim",
                "joinWaitlist", "listWaitlist", "getWaitlistEntry", "leaveWaitlist", "moveWaitlistEntry",
                "getOffer", "listOffers", "acceptOffer", "declineOffer",
                "drawLottery", "getLottery", "verifyLottery",
                "recordJournalEntry", "listPlotJournal", "listFarmJournal",
                "recordInspection", "listInspections", "listWarnings", "getEligibility");
        assertThat(doc.getString("paths.'/api/v1/plots/{plotId}/claims'.post.responses.'409'.description"))
                .contains("PLOT_NOT_AVAILABLE");
    }
}
