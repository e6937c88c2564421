package cn.bailian.resident.community;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bailian.resident.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.TestDb;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class CommunityResourceTest {

    @Test
    void onlyAdminCreatesAndAnyoneReads() {
        String name = "双桥子社区-" + UUID.randomUUID();
        Map<String, String> body = Map.of("name", name, "district", "成华区");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/communities")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/communities")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/communities")
                .then()
                .statusCode(403);
        String id = given().auth()
                .oauth2(DevTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/communities")
                .then()
                .statusCode(201)
                .body("name", equalTo(name))
                .extract()
                .path("id");
        given().auth()
                .oauth2(DevTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/communities")
                .then()
                .statusCode(409)
                .body("code", equalTo("COMMUNITY_NAME_TAKEN"));
        given().get("/api/v1/communities/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("district", equalTo("成华区"));
        given().get("/api/v1/communities?size=100")
                .then()
                .statusCode(200)
                .body("items.name", hasItem(name))
                .body("total", greaterThanOrEqualTo(1))
                .body("size", equalTo(100));
        given().get("/api/v1/communities/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("COMMUNITY_NOT_FOUND"));
        given().get("/api/v1/communities?size=1000").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void statsCountActiveResidentsPerCompound() {
        Fixtures f = Fixtures.community();
        UUID secondCompound = UUID.fromString(given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("communityId", f.communityId, "name", "建设路院落", "type", "INSTITUTIONAL"))
                .post("/api/v1/compounds")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID head = f.adult("胡小明", "SELF");
        Map<String, Object> floating = f.person("李芳", LocalDate.of(1990, 1, 1), "OTHER");
        floating.put("residencyType", "FLOATING");
        f.registerOk(floating);
        UUID moved = f.adult("胡大", "SPOUSE");
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2026-01-01"))
                .post("/api/v1/residents/" + moved + "/move-out")
                .then()
                .statusCode(200);
        UUID otherHousehold = f.household(secondCompound);
        Map<String, Object> there = f.person("王五", LocalDate.of(1970, 1, 1), "SELF");
        there.put("householdId", otherHousehold);
        f.registerOk(there);
        f.household(secondCompound);

        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/communities/" + f.communityId + "/stats")
                .then()
                .statusCode(200)
                .body("households", equalTo(3))
                .body("permanentResidents", equalTo(2))
                .body("floatingResidents", equalTo(1))
                .body("compounds", hasSize(2))
                .body("compounds.find { it.name == '百莲小区' }.households", equalTo(1))
                .body("compounds.find { it.name == '百莲小区' }.permanentResidents", equalTo(1))
                .body("compounds.find { it.name == '百莲小区' }.floatingResidents", equalTo(1))
                .body("compounds.find { it.name == '建设路院落' }.type", equalTo("INSTITUTIONAL"))
                .body("compounds.find { it.name == '建设路院落' }.households", equalTo(2))
                .body("compounds.find { it.name == '建设路院落' }.permanentResidents", equalTo(1));
        given().auth()
                .oauth2(DevTokens.admin())
                .get("/api/v1/communities/" + f.communityId + "/stats")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .get("/api/v1/communities/" + f.communityId + "/stats")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(head, f.communityId))
                .get("/api/v1/communities/" + f.communityId + "/stats")
                .then()
                .statusCode(403);
        given().get("/api/v1/communities/" + f.communityId + "/stats").then().statusCode(401);
    }

    /**
     * The counts come from resident.compound_id, which follows the household: a resident who moves to a household of
     * another compound, changes residency or moves out is counted where and as they now are.
     */
    @Test
    void statsFollowAResidentWhoMovesHouseholdChangesResidencyOrMovesOut() {
        Fixtures f = Fixtures.community();
        UUID second = UUID.fromString(given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("communityId", f.communityId, "name", "八里庄院落", "type", "COMMERCIAL"))
                .post("/api/v1/compounds")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID secondHousehold = f.household(second);
        f.adult("胡小明", "SELF");
        UUID mover = f.adult("胡小红", "SPOUSE");
        assertCounts(f, 1, 2, 0, 0, 0);

        String url = "/api/v1/residents/" + mover;
        String etag = given().auth()
                .oauth2(f.staff)
                .get(url)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        etag = given().auth()
                .oauth2(f.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("householdId", secondHousehold, "relationToHead", "SELF"))
                .patch(url)
                .then()
                .statusCode(200)
                .body("compoundId", equalTo(second.toString()))
                .extract()
                .header("ETag");
        given().auth().oauth2(f.staff).get(url).then().statusCode(200).body("compoundId", equalTo(second.toString()));
        assertEquals(
                second.toString(),
                TestDb.queryString("select compound_id::text from resident where id = ?::uuid", mover.toString()));
        assertCounts(f, 1, 1, 0, 1, 0);

        given().auth()
                .oauth2(f.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("residencyType", "FLOATING"))
                .patch(url)
                .then()
                .statusCode(200);
        assertCounts(f, 1, 1, 0, 0, 1);

        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2026-01-01"))
                .post(url + "/move-out")
                .then()
                .statusCode(200);
        assertCounts(f, 1, 1, 0, 0, 0);
    }

    /** Whatever a writer puts in compound_id, the database keeps the household's (trigger resident_compound). */
    @Test
    void theDatabaseKeepsCompoundIdToTheHousehold() {
        Fixtures f = Fixtures.community();
        UUID second = UUID.fromString(given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("communityId", f.communityId, "name", "猛追湾院落", "type", "RESETTLEMENT"))
                .post("/api/v1/compounds")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID secondHousehold = f.household(second);
        UUID resident = f.adult("胡小明", "SELF");
        String compoundOf = "select compound_id::text from resident where id = ?::uuid";
        assertEquals(f.compoundId.toString(), TestDb.queryString(compoundOf, resident.toString()));
        TestDb.execute(
                "update resident set compound_id = ?::uuid where id = ?::uuid", second.toString(), resident.toString());
        assertEquals(f.compoundId.toString(), TestDb.queryString(compoundOf, resident.toString()));
        TestDb.execute(
                "update resident set household_id = ?::uuid where id = ?::uuid",
                secondHousehold.toString(),
                resident.toString());
        assertEquals(second.toString(), TestDb.queryString(compoundOf, resident.toString()));
    }

    private static void assertCounts(
            Fixtures f,
            int firstHouseholds,
            int firstPermanent,
            int firstFloating,
            int secondPermanent,
            int secondFloating) {
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/communities/" + f.communityId + "/stats")
                .then()
                .statusCode(200)
                .body("households", equalTo(firstHouseholds + 1))
                .body("permanentResidents", equalTo(firstPermanent + secondPermanent))
                .body("floatingResidents", equalTo(firstFloating + secondFloating))
                .body(
                        "compounds.find { it.compoundId == '" + f.compoundId + "' }.permanentResidents",
                        equalTo(firstPermanent))
                .body(
                        "compounds.find { it.compoundId == '" + f.compoundId + "' }.floatingResidents",
                        equalTo(firstFloating))
                .body(
                        "compounds.find { it.compoundId != '" + f.compoundId + "' }.permanentResidents",
                        equalTo(secondPermanent))
                .body(
                        "compounds.find { it.compoundId != '" + f.compoundId + "' }.floatingResidents",
                        equalTo(secondFloating));
    }
}
