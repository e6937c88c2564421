package cn.bailian.farm.plot;

import static cn.bailian.farm.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.bailian.farm.Fixtures;
import cn.bailian.farm.Fixtures.Resident;
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
class PlotResourceTest {

    @Test
    void thePublicPlotMapShowsStatusAndMaskedHolders() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID a1 = Fixtures.plot(farm, community, "A-01", 0, 0);
        Fixtures.plot(farm, community, "A-02", 0, 1);
        Fixtures.plot(farm, community, "B-01", 1, 0);
        Resident r = Fixtures.resident(community);
        Fixtures.claim(a1, r);

        String map = given().get("/api/v1/farms/" + farm + "/plots")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.code", contains("A-01", "A-02", "B-01"))
                .body("items.status", contains("CLAIMED", "AVAILABLE", "AVAILABLE"))
                .body("items[0].holderName", equalTo("胡*"))
                .body("items[1].holderName", nullValue())
                .body("items[0].areaM2", equalTo(6.5f))
                .extract()
                .asString();
        assertThat(map).doesNotContain(r.id().toString()).doesNotContain("小明");
        given().get("/api/v1/farms/" + farm + "/plots?status=AVAILABLE")
                .then()
                .statusCode(200)
                .body("items.code", contains("A-02", "B-01"));
        given().get("/api/v1/farms/" + farm + "/plots?status=LOST")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        given().get("/api/v1/plots/" + a1).then().statusCode(200).body("holderName", equalTo("胡*"));
    }

    @Test
    void plotsAreCreatedByStaffWithUniqueCodesAndPositions() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        String path = "/api/v1/farms/" + farm + "/plots";
        Map<String, Object> body = Map.of("code", "A-01", "areaM2", 6.5, "gridRow", 0, "gridColumn", 0);
        as(DevTokens.resident(UUID.randomUUID(), community))
                .body(body)
                .post(path)
                .then()
                .statusCode(403);
        as(DevTokens.staff(UUID.randomUUID())).body(body).post(path).then().statusCode(403);
        as(DevTokens.staff(community))
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .body("status", equalTo("AVAILABLE"));
        as(DevTokens.staff(community))
                .body(body)
                .post(path)
                .then()
                .statusCode(409)
                .body("code", equalTo("PLOT_CODE_TAKEN"));
        as(DevTokens.staff(community))
                .body(Map.of("code", "A-02", "areaM2", 6.5, "gridRow", 0, "gridColumn", 0))
                .post(path)
                .then()
                .statusCode(409)
                .body("code", equalTo("PLOT_POSITION_TAKEN"));
        as(DevTokens.staff(community))
                .body(Map.of("code", "a1", "areaM2", -1, "gridRow", 0, "gridColumn", 5))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("code", "areaM2"));
        as(DevTokens.staff(community))
                .body(body)
                .post("/api/v1/farms/" + UUID.randomUUID() + "/plots")
                .then()
                .statusCode(404);
    }

    @Test
    void staffTakeAFreePlotOutOfUseWithIfMatch() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "C-01", 0, 0);
        String etag = given().get("/api/v1/plots/" + plot)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Map<String, Object> maintenance = Map.of("status", "MAINTENANCE", "note", "更换防水层");

        as(DevTokens.staff(UUID.randomUUID()))
                .header("If-Match", etag)
                .body(maintenance)
                .patch("/api/v1/plots/" + plot)
                .then()
                .statusCode(403);
        as(DevTokens.staff(community))
                .body(maintenance)
                .patch("/api/v1/plots/" + plot)
                .then()
                .statusCode(428)
                .body("code", equalTo("IF_MATCH_REQUIRED"));
        as(DevTokens.staff(community))
                .header("If-Match", "\"99\"")
                .body(maintenance)
                .patch("/api/v1/plots/" + plot)
                .then()
                .statusCode(412)
                .body("code", equalTo("VERSION_MISMATCH"));
        String newTag = as(DevTokens.staff(community))
                .header("If-Match", etag)
                .body(maintenance)
                .patch("/api/v1/plots/" + plot)
                .then()
                .statusCode(200)
                .body("status", equalTo("MAINTENANCE"))
                .body("note", equalTo("更换防水层"))
                .extract()
                .header("ETag");
        assertThat(newTag).isNotEqualTo(etag);
        as(DevTokens.staff(community))
                .header("If-Match", etag)
                .body(Map.of("status", "AVAILABLE"))
                .patch("/api/v1/plots/" + plot)
                .then()
                .statusCode(412);
        as(DevTokens.staff(community))
                .header("If-Match", newTag)
                .body(Map.of("status", "CLAIMED"))
                .patch("/api/v1/plots/" + plot)
                .then()
                .statusCode(422)
                .body("code", equalTo("PLOT_STATUS_NOT_SETTABLE"));

        // a plot out of use cannot be claimed
        Resident r = Fixtures.resident(community);
        as(r.token())
                .body(Map.of("residentId", r.id()))
                .post("/api/v1/plots/" + plot + "/claims")
                .then()
                .statusCode(409)
                .body("code", equalTo("PLOT_NOT_AVAILABLE"));

        // back in use, it goes to whoever waits first
        Fixtures.join(farm, r);
        as(DevTokens.staff(community))
                .header("If-Match", newTag)
                .body(Map.of("status", "AVAILABLE"))
                .patch("/api/v1/plots/" + plot)
                .then()
                .statusCode(200)
                .body("status", equalTo("OFFERED"));
        assertThat(Fixtures.queryString("select resident_id from offer where plot_id = ? and status = 'PENDING'", plot))
                .isEqualTo(r.id().toString());
        String offeredTag =
                given().get("/api/v1/plots/" + plot).then().extract().header("ETag");
        as(DevTokens.staff(community))
                .header("If-Match", offeredTag)
                .body(maintenance)
                .patch("/api/v1/plots/" + plot)
                .then()
                .statusCode(409)
                .body("code", equalTo("PLOT_IN_USE"));
    }

    @Test
    void anEducationPlotIsReservedForTheChildrensHome() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "E-01", 0, 0);
        String etag = given().get("/api/v1/plots/" + plot).then().extract().header("ETag");
        as(DevTokens.staff(community))
                .header("If-Match", etag)
                .body(Map.of("status", "RESERVED_FOR_EDUCATION"))
                .patch("/api/v1/plots/" + plot)
                .then()
                .statusCode(200);
        given().get("/api/v1/farms/" + farm + "/plots?status=RESERVED_FOR_EDUCATION")
                .then()
                .body("total", equalTo(1))
                .body(not(containsString("holderName\":\"")));
    }
}
