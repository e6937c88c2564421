package cn.bailian.fund.resident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.fund.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ResidentEventHandlerTest {

    private static void awaitResident(UUID residentId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Fixtures.queryLong(
                                "select count(*) from known_resident where resident_id = ? and status = ?",
                                residentId,
                                status)
                        == 1);
    }

    @Test
    void aResidentWhoMovedOutMayNoLongerObjectOrPropose() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID project = Fixtures.inNotice(community, fund, 10_000, null);
        UUID resident = UUID.randomUUID();
        Fixtures.residentRegistered(resident, community, "周*", "ACTIVE");
        awaitResident(resident, "ACTIVE");
        Fixtures.publishResidentEvent(
                "cn.bailian.resident.moved-out.v1",
                resident,
                Map.of(
                        "residentId",
                        resident,
                        "communityId",
                        community,
                        "householdId",
                        UUID.randomUUID(),
                        "movedOutOn",
                        "2026-11-01"));
        awaitResident(resident, "MOVED_OUT");

        given().auth()
                .oauth2(DevTokens.resident(resident, community))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "反对"))
                .post("/api/v1/projects/" + project + "/objections")
                .then()
                .statusCode(409)
                .body("code", equalTo("RESIDENT_NOT_ACTIVE"));
        given().auth()
                .oauth2(DevTokens.resident(resident, community))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "t", "description", "d", "type", "CHARITY", "budgetFen", 100))
                .post("/api/v1/funds/" + fund + "/projects")
                .then()
                .statusCode(409)
                .body("code", equalTo("RESIDENT_NOT_ACTIVE"));
    }

    @Test
    void theProjectionOutranksATokenNamingAnotherCommunity() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID project = Fixtures.inNotice(community, fund, 10_000, null);
        UUID elsewhere = UUID.randomUUID();
        UUID resident = UUID.randomUUID();
        Fixtures.residentRegistered(resident, elsewhere, "吴*", "ACTIVE");
        awaitResident(resident, "ACTIVE");
        given().auth()
                .oauth2(DevTokens.resident(resident, community))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "反对"))
                .post("/api/v1/projects/" + project + "/objections")
                .then()
                .statusCode(403);
        // an update moving them into this community lets them object
        Fixtures.publishResidentEvent(
                "cn.bailian.resident.updated.v1",
                resident,
                Map.of(
                        "residentId",
                        resident,
                        "communityId",
                        community,
                        "householdId",
                        UUID.randomUUID(),
                        "displayName",
                        "吴*",
                        "status",
                        "ACTIVE",
                        "unknownFutureField",
                        1));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Fixtures.queryLong(
                                "select count(*) from known_resident where resident_id = ? and community_id = ?",
                                resident,
                                community)
                        == 1);
        given().auth()
                .oauth2(DevTokens.resident(resident, community))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "反对"))
                .post("/api/v1/projects/" + project + "/objections")
                .then()
                .statusCode(201);
    }

    @Test
    void knownResidentsAndOrganisationsNameDonorsAndProposers() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID resident = UUID.randomUUID();
        Fixtures.residentRegistered(resident, community, "赵*", "ACTIVE");
        UUID organisation = UUID.randomUUID();
        Fixtures.publishResidentEvent(
                "cn.bailian.resident.organization.registered.v1",
                organisation,
                Map.of(
                        "organizationId",
                        organisation,
                        "communityId",
                        community,
                        "name",
                        "白莲亲子烘焙社",
                        "kind",
                        "SOCIAL_ORGANISATION"));
        awaitResident(resident, "ACTIVE");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Fixtures.queryLong(
                                "select count(*) from known_organization where organization_id = ?", organisation)
                        == 1);

        Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "RESIDENT",
                                "donorId",
                                resident,
                                "amountFen",
                                1_000,
                                "channel",
                                "CASH",
                                "paymentReference",
                                "C-1"))
                .statusCode(201)
                .body("displayName", equalTo("赵*"));

        Map<String, Object> body = new HashMap<>(Map.of(
                "title",
                "亲子烘焙公益课",
                "description",
                "每月一次",
                "type",
                "PUBLIC_WELFARE",
                "budgetFen",
                30_000,
                "proposerKind",
                "ORGANIZATION",
                "proposerId",
                organisation));
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/funds/" + fund + "/projects")
                .then()
                .statusCode(201)
                .body("proposer.kind", equalTo("ORGANIZATION"))
                .body("proposer.name", equalTo("白莲亲子烘焙社"));
        body.put("proposerKind", "RESIDENT");
        body.put("proposerId", resident);
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/funds/" + fund + "/projects")
                .then()
                .statusCode(201)
                .body("proposer.kind", equalTo("RESIDENT"))
                .body("proposer.name", equalTo("赵*"));
    }
}
