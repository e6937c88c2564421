package cn.bailian.system;

import static cn.bailian.system.Api.as;
import static cn.bailian.system.Steps.EVENTUALLY;
import static cn.bailian.system.Steps.createFund;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An organisation registered in resident-service can run courses and propose fund projects (四社联动). */
class OrganizationFlowIT {

    @Test
    void aRegisteredOrganisationBecomesAnActivityProviderAndAFundProposer() {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-四社");
        UUID organization = UUID.fromString(as(place.staffToken(), "resident-service")
                .body(Map.of("communityId", place.communityId(), "name", "成都某某儿童发展中心", "kind", "SOCIAL_ORGANISATION"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));

        Map<String, Object> course = new LinkedHashMap<>();
        course.put("communityId", place.communityId());
        course.put("title", "沙盘游戏");
        course.put("category", "SANDTRAY");
        course.put("providerOrganizationId", organization);
        course.put("model", "MARKET");
        course.put("feeFen", 3000);
        course.put("parentChild", false);
        course.put("capacity", 12);
        course.put(
                "enrollmentOpensAt",
                OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
        course.put(
                "enrollmentClosesAt",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0).toString());
        // activity-service learns the organisation from the event, then accepts it as the provider
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> as(place.staffToken(), "activity-service")
                        .body(course)
                        .post("/api/v1/activities")
                        .then()
                        .statusCode(201)
                        .body("providerOrganizationId", equalTo(organization.toString())));

        UUID fund = createFund(place);
        Map<String, Object> project = Map.of(
                "title",
                "坝坝社群",
                "description",
                "院坝邻里互助小组",
                "type",
                "MUTUAL_AID",
                "budgetFen",
                200_000,
                "proposerKind",
                "ORGANIZATION",
                "proposerId",
                organization);
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> as(place.staffToken(), "fund-service")
                        .body(project)
                        .post("/api/v1/funds/" + fund + "/projects")
                        .then()
                        .statusCode(201)
                        .body("proposer.kind", equalTo("ORGANIZATION"))
                        .body("proposer.id", equalTo(organization.toString())));
    }
}
