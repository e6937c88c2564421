package cn.bailian.resident.compound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.resident.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

/** Compounds and the households at their addresses. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class CompoundResourceTest {

    @Test
    void staffOfTheCommunityCreateCompoundsAnyoneListsThem() {
        Fixtures f = Fixtures.community();
        Map<String, Object> body = Map.of("communityId", f.communityId, "name", "商品房小区", "type", "COMMERCIAL");
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/compounds")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), f.communityId))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/compounds")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/compounds")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/compounds")
                .then()
                .statusCode(201)
                .body("type", equalTo("COMMERCIAL"));
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/compounds")
                .then()
                .statusCode(409)
                .body("code", equalTo("COMPOUND_NAME_TAKEN"));
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("communityId", f.communityId, "name", "X", "type", "VILLA"))
                .post("/api/v1/compounds")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().get("/api/v1/compounds?communityId=" + f.communityId)
                .then()
                .statusCode(200)
                .body("items.name", contains("商品房小区", "百莲小区"))
                .body("total", equalTo(2));
        given().get("/api/v1/compounds").then().statusCode(400).body("errors[0].field", equalTo("communityId"));
    }

    @Test
    void householdsHaveOneAddressAndAreAnnounced() {
        Fixtures f = Fixtures.community();
        try (EventProbe probe = EventProbe.on("bailian.resident.events")) {
            Map<String, Object> address =
                    Map.of("compoundId", f.compoundId, "building", "7", "unit", "1", "room", "302");
            String id = given().auth()
                    .oauth2(f.staff)
                    .contentType(ContentType.JSON)
                    .body(address)
                    .post("/api/v1/households")
                    .then()
                    .statusCode(201)
                    .body("communityId", equalTo(f.communityId.toString()))
                    .extract()
                    .path("id");
            given().auth()
                    .oauth2(f.staff)
                    .contentType(ContentType.JSON)
                    .body(address)
                    .post("/api/v1/households")
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("HOUSEHOLD_ADDRESS_TAKEN"));
            given().auth()
                    .oauth2(DevTokens.staff(UUID.randomUUID()))
                    .contentType(ContentType.JSON)
                    .body(Map.of("compoundId", f.compoundId, "building", "7", "unit", "1", "room", "303"))
                    .post("/api/v1/households")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(f.staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("compoundId", UUID.randomUUID(), "building", "7", "unit", "1", "room", "303"))
                    .post("/api/v1/households")
                    .then()
                    .statusCode(422)
                    .body("code", equalTo("COMPOUND_NOT_FOUND"));
            var event = probe.await(
                    "cn.bailian.resident.household.registered.v1",
                    e -> e.subject().equals(id));
            assertThat(event.data().path("communityId").asText()).isEqualTo(f.communityId.toString());
            assertThat(event.data().path("compoundId").asText()).isEqualTo(f.compoundId.toString());
            given().auth()
                    .oauth2(f.staff)
                    .get("/api/v1/households/" + id)
                    .then()
                    .statusCode(200)
                    .body("building", equalTo("7"))
                    .body("room", equalTo("302"))
                    .body("members.size()", equalTo(0));
            given().auth()
                    .oauth2(f.staff)
                    .get("/api/v1/households/" + UUID.randomUUID())
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("HOUSEHOLD_NOT_FOUND"));
        }
    }
}
