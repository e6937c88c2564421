package cn.bailian.farm.farm;

import static cn.bailian.farm.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.farm.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class FarmResourceTest {

    @Test
    void staffCreateFarmsInTheirOwnCommunityOnly() {
        UUID community = UUID.randomUUID();
        Map<String, Object> body = Map.of("communityId", community, "name", "百莲屋顶生态农场", "location", "党群服务中心楼顶");
        given().contentType("application/json")
                .body(body)
                .post("/api/v1/farms")
                .then()
                .statusCode(401);
        as(DevTokens.resident(UUID.randomUUID(), community))
                .body(body)
                .post("/api/v1/farms")
                .then()
                .statusCode(403);
        as(DevTokens.staff(UUID.randomUUID()))
                .body(body)
                .post("/api/v1/farms")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));

        String id = as(DevTokens.staff(community))
                .header("Idempotency-Key", "farm-1")
                .body(body)
                .post("/api/v1/farms")
                .then()
                .statusCode(201)
                .body("name", equalTo("百莲屋顶生态农场"))
                .body("communityId", equalTo(community.toString()))
                .extract()
                .path("id");
        as(DevTokens.staff(community))
                .header("Idempotency-Key", "farm-1")
                .body(body)
                .post("/api/v1/farms")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        as(DevTokens.staff(community))
                .body(body)
                .post("/api/v1/farms")
                .then()
                .statusCode(409)
                .body("code", equalTo("FARM_NAME_TAKEN"));
        as(DevTokens.admin())
                .body(Map.of("communityId", community, "name", "二号农场"))
                .post("/api/v1/farms")
                .then()
                .statusCode(201);

        given().get("/api/v1/farms/" + id).then().statusCode(200).body("location", equalTo("党群服务中心楼顶"));
        given().get("/api/v1/farms?communityId=" + community)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(20));
        given().get("/api/v1/farms?communityId=" + community + "&size=1&page=1")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].name", equalTo("百莲屋顶生态农场"));
        given().get("/api/v1/farms/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("FARM_NOT_FOUND"));
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        UUID community = UUID.randomUUID();
        as(DevTokens.staff(community))
                .body(Map.of("communityId", community, "name", " "))
                .post("/api/v1/farms")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("name"));
        as(DevTokens.staff(community))
                .body(Map.of("communityId", "not-a-uuid", "name", "x"))
                .post("/api/v1/farms")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("communityId"));
        given().get("/api/v1/farms?size=1000").then().statusCode(400).body("errors[0].field", equalTo("size"));
        Fixtures.farm(community);
    }
}
