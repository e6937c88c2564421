package cn.bailian.fund.fund;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import cn.bailian.fund.Fixtures;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class FundResourceTest {

    @Test
    void staffOpensTheCommunityFundAndAnyoneReadsItsBalance() {
        UUID community = UUID.randomUUID();
        String id = given().auth()
                .oauth2(DevTokens.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of("communityId", community, "name", "白莲社区发展治理共享基金", "kind", "COMMUNITY"))
                .post("/api/v1/funds")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/funds/"))
                .body("balanceFen", equalTo(0))
                .body("currency", equalTo("CNY"))
                .body("kind", equalTo("COMMUNITY"))
                .extract()
                .path("id");
        given().get("/api/v1/funds/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("白莲社区发展治理共享基金"))
                .body("communityId", equalTo(community.toString()))
                .body("donatedFen", equalTo(0))
                .body("disbursedFen", equalTo(0))
                .body("ledgerEntries", equalTo(0));
        given().get("/api/v1/funds?communityId=" + community)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
    }

    @Test
    void onlyStaffOfThatCommunityOrAdminOpenFunds() {
        UUID community = UUID.randomUUID();
        Map<String, Object> body = Map.of("communityId", community, "name", "专项基金", "kind", "SPECIAL");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/funds")
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/funds")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/funds")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.service("payments"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/funds")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/funds")
                .then()
                .statusCode(201);
    }

    @Test
    void oneCommunityFundPerCommunityEvenUnderParallelCreates() throws Exception {
        UUID community = UUID.randomUUID();
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            results.add(pool.submit(() -> {
                start.await();
                return given().auth()
                        .oauth2(DevTokens.staff(community))
                        .contentType(ContentType.JSON)
                        .body(Map.of("communityId", community, "name", "共享基金 " + k, "kind", "COMMUNITY"))
                        .post("/api/v1/funds")
                        .then()
                        .extract()
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(n - 1);
        assertThat(Fixtures.queryLong(
                        "select count(*) from fund where community_id = ? and kind = 'COMMUNITY'", community))
                .isEqualTo(1);
        // a special fund beside it is fine
        Fixtures.createFund(community, "SPECIAL");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() throws Exception {
        UUID community = UUID.randomUUID();
        given().auth()
                .oauth2(DevTokens.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of("communityId", community, "name", "", "kind", "PRIVATE"))
                .post("/api/v1/funds")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        given().auth()
                .oauth2(DevTokens.staff(community))
                .contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(Map.of("communityId", community, "name", " ", "kind", "SPECIAL"))
                .post("/api/v1/funds")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        assertThat(Fixtures.queryLong("select count(*) from fund where community_id = ?", community))
                .isZero();
        given().get("/api/v1/funds/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("FUND_NOT_FOUND"));
    }

    @Test
    void idempotencyKeyReplaysTheCreatedFund() {
        UUID community = UUID.randomUUID();
        Map<String, Object> body = Map.of("communityId", community, "name", "助学专项", "kind", "SPECIAL");
        String first = given().auth()
                .oauth2(DevTokens.staff(community))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-1")
                .body(body)
                .post("/api/v1/funds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(DevTokens.staff(community))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-1")
                .body(body)
                .post("/api/v1/funds")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
    }
}
