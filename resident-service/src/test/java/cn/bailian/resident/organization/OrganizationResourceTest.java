package cn.bailian.resident.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.resident.Fixtures;
import cn.bailian.resident.resident.ResidentEvents;
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

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class OrganizationResourceTest {

    @Test
    void staffRegisterOrganisationsWhichArePublicAndAnnounced() {
        Fixtures f = Fixtures.community();
        try (EventProbe probe = EventProbe.on("bailian.resident.events")) {
            Map<String, Object> enterprise = Map.of(
                    "communityId",
                    f.communityId,
                    "name",
                    "百莲社区营造社",
                    "kind",
                    "SOCIAL_ENTERPRISE",
                    "description",
                    "运营屋顶农场");
            given().auth()
                    .oauth2(DevTokens.staff(UUID.randomUUID()))
                    .contentType(ContentType.JSON)
                    .body(enterprise)
                    .post("/api/v1/organizations")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(DevTokens.resident(UUID.randomUUID(), f.communityId))
                    .contentType(ContentType.JSON)
                    .body(enterprise)
                    .post("/api/v1/organizations")
                    .then()
                    .statusCode(403);
            String id = given().auth()
                    .oauth2(f.staff)
                    .contentType(ContentType.JSON)
                    .body(enterprise)
                    .post("/api/v1/organizations")
                    .then()
                    .statusCode(201)
                    .body("kind", equalTo("SOCIAL_ENTERPRISE"))
                    .extract()
                    .path("id");
            given().auth()
                    .oauth2(f.staff)
                    .contentType(ContentType.JSON)
                    .body(enterprise)
                    .post("/api/v1/organizations")
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("ORGANIZATION_NAME_TAKEN"));
            given().auth()
                    .oauth2(DevTokens.admin())
                    .contentType(ContentType.JSON)
                    .body(Map.of("communityId", f.communityId, "name", "广场舞队", "kind", "RESIDENT_GROUP"))
                    .post("/api/v1/organizations")
                    .then()
                    .statusCode(201);
            given().get("/api/v1/organizations?communityId=" + f.communityId)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.name", contains("广场舞队", "百莲社区营造社"));
            given().get("/api/v1/organizations?communityId=" + f.communityId + "&kind=RESIDENT_GROUP")
                    .then()
                    .body("items.name", contains("广场舞队"));
            given().get("/api/v1/organizations?communityId=" + f.communityId + "&kind=CLUB")
                    .then()
                    .statusCode(400);
            var event = probe.await(
                    ResidentEvents.ORGANIZATION_REGISTERED, e -> e.subject().equals(id));
            assertThat(event.data().path("name").asText()).isEqualTo("百莲社区营造社");
            assertThat(event.data().path("kind").asText()).isEqualTo("SOCIAL_ENTERPRISE");
            assertThat(event.data().path("communityId").asText()).isEqualTo(f.communityId.toString());
        }
    }
}
