package cn.bailian.resident.household;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.bailian.resident.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class HouseholdResourceTest {

    static UUID household(Fixtures f, String building, String unit, String room) {
        return UUID.fromString(given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("compoundId", f.compoundId, "building", building, "unit", unit, "room", room))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    @Test
    void aCompoundsHouseholdsArePagedInAddressOrder() {
        Fixtures f = Fixtures.community(); // holds one household at 3-2-1xx
        household(f, "1", "1", "102");
        household(f, "1", "1", "101");
        household(f, "2", "1", "101");
        household(f, "1", "2", "101");
        String url = "/api/v1/households?compoundId=" + f.compoundId;
        given().auth()
                .oauth2(f.staff)
                .get(url + "&page=0&size=2")
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("items", hasSize(2))
                .body("items.room", contains("101", "102"))
                .body("items.unit", contains("1", "1"))
                .body("items[0].compoundId", equalTo(f.compoundId.toString()))
                .body("items[0].communityId", equalTo(f.communityId.toString()))
                .body("items[0].members", equalTo(null));
        given().auth()
                .oauth2(f.staff)
                .get(url + "&page=1&size=2")
                .then()
                .statusCode(200)
                .body("items.building", contains("1", "2"))
                .body("items.unit", contains("2", "1"));
        given().auth()
                .oauth2(f.staff)
                .get(url + "&page=2&size=2")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(f.householdId.toString()));
        given().auth().oauth2(DevTokens.admin()).get(url).then().statusCode(200).body("total", equalTo(5));
    }

    @Test
    void onlyTheCommunitysStaffListHouseholds() {
        Fixtures f = Fixtures.community();
        Fixtures other = Fixtures.community();
        String url = "/api/v1/households?compoundId=" + f.compoundId;
        given().auth().oauth2(other.staff).get(url).then().statusCode(403).contentType("application/problem+json");
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), f.communityId))
                .get(url)
                .then()
                .statusCode(403);
        given().get(url).then().statusCode(401);
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households?compoundId=" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("COMPOUND_NOT_FOUND"));
        given().auth().oauth2(f.staff).get("/api/v1/households").then().statusCode(400);
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households?compoundId=nope")
                .then()
                .statusCode(400);
    }

    @Test
    void anAddressChangeNeedsTheCurrentETagAndKeepsTheMembers() {
        Fixtures f = Fixtures.community();
        UUID head = f.adult("胡小明", "SELF");
        String url = "/api/v1/households/" + f.householdId;
        String etag = given().auth()
                .oauth2(f.staff)
                .get(url)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String next = given().auth()
                .oauth2(f.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("building", " 7 ", "unit", "1", "room", "702"))
                .put(url)
                .then()
                .statusCode(200)
                .body("building", equalTo("7"))
                .body("room", equalTo("702"))
                .body("headId", equalTo(head.toString()))
                .body("members", hasSize(1))
                .extract()
                .header("ETag");
        assertThat(next).isNotEqualTo(etag);
        // a stale version is refused and changes nothing
        given().auth()
                .oauth2(f.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("building", "8", "unit", "1", "room", "801"))
                .put(url)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("code", equalTo("VERSION_MISMATCH"));
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("building", "8", "unit", "1", "room", "801"))
                .put(url)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(f.staff)
                .get(url)
                .then()
                .header("ETag", equalTo(next))
                .body("building", equalTo("7"))
                .body("room", equalTo("702"));
        // the same address twice unchanged keeps the version
        given().auth()
                .oauth2(f.staff)
                .header("If-Match", next)
                .contentType(ContentType.JSON)
                .body(Map.of("building", "7", "unit", "1", "room", "702"))
                .put(url)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(next));
        // the resident is still in the household, in the same compound
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents/" + head)
                .then()
                .body("householdId", equalTo(f.householdId.toString()))
                .body("compoundId", equalTo(f.compoundId.toString()));
    }

    @Test
    void anAddressChangeIsRefusedToOthersAndOnATakenAddress() {
        Fixtures f = Fixtures.community();
        Fixtures other = Fixtures.community();
        household(f, "9", "9", "909");
        String url = "/api/v1/households/" + f.householdId;
        String etag = given().auth().oauth2(f.staff).get(url).then().extract().header("ETag");
        Map<String, String> body = Map.of("building", "9", "unit", "9", "room", "909");
        given().auth()
                .oauth2(f.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(body)
                .put(url)
                .then()
                .statusCode(409)
                .body("code", equalTo("HOUSEHOLD_ADDRESS_TAKEN"))
                .body("title", equalTo("Address already registered"));
        given().auth()
                .oauth2(other.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("building", "9", "unit", "9", "room", "910"))
                .put(url)
                .then()
                .statusCode(403);
        given().header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("building", "9", "unit", "9", "room", "910"))
                .put(url)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(f.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("building", "", "unit", "9", "room", "910"))
                .put(url)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(f.staff)
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(Map.of("building", "9", "unit", "9", "room", "910"))
                .put("/api/v1/households/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("HOUSEHOLD_NOT_FOUND"));
        given().auth().oauth2(f.staff).get(url).then().header("ETag", equalTo(etag));
    }

    @Test
    void ofManyChangesFromOneVersionExactlyOneWins() throws Exception {
        Fixtures f = Fixtures.community();
        String url = "/api/v1/households/" + f.householdId;
        String etag = given().auth().oauth2(f.staff).get(url).then().extract().header("ETag");
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String room = Integer.toString(1000 + i);
                answers.add(pool.submit(() -> given().auth()
                        .oauth2(f.staff)
                        .header("If-Match", etag)
                        .contentType(ContentType.JSON)
                        .body(Map.of("building", "5", "unit", "5", "room", room))
                        .put(url)
                        .then()
                        .extract()
                        .statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get());
            }
            assertThat(codes).filteredOn(c -> c == 200).hasSize(1);
            assertThat(codes).filteredOn(c -> c != 200).containsOnly(412);
        } finally {
            pool.shutdownNow();
        }
        given().auth()
                .oauth2(f.staff)
                .get(url)
                .then()
                .body("version", equalTo(Integer.parseInt(etag.replace("\"", "")) + 1));
    }
}
