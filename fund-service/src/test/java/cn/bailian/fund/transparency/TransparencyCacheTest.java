package cn.bailian.fund.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.fund.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

/** The transparency report and the fund come from the public cache; a donation shows on the next read. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class TransparencyCacheTest {

    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aDonationShowsOnTheNextReadOfTheCachedReport() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Fixtures.donateOk(community, fund, 20_000);
        String path = "/api/v1/funds/" + fund + "/transparency?month=" + THIS_MONTH;

        Response first = given().accept("application/json").get(path);
        Response second = given().accept("application/json").get(path);
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.<Integer>path("donationsFen")).isEqualTo(20_000);
        given().accept("application/json")
                .header("If-None-Match", second.header("ETag"))
                .get(path)
                .then()
                .statusCode(304);
        assertThat(given().get("/api/v1/funds/" + fund).<Integer>path("balanceFen"))
                .isEqualTo(20_000);
        assertThat(given().get("/api/v1/funds/" + fund).header("X-Cache")).isEqualTo("HIT");

        Fixtures.donateOk(community, fund, 5_000);
        Response after = given().accept("application/json").get(path);
        assertThat(after.header("X-Cache")).isEqualTo("MISS");
        assertThat(after.<Integer>path("donationsFen")).isEqualTo(25_000);
        assertThat(given().get("/api/v1/funds/" + fund).<Integer>path("balanceFen"))
                .isEqualTo(25_000);
    }

    @Test
    void jsonAndCsvAreSeparateEntries() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Fixtures.donateOk(community, fund, 20_000);
        String path = "/api/v1/funds/" + fund + "/transparency?month=" + THIS_MONTH;

        Response json = given().accept("application/json").get(path);
        Response csv = given().accept("text/csv").get(path);
        assertThat(csv.header("X-Cache")).isEqualTo("MISS");
        Response csvAgain = given().accept("text/csv").get(path);
        assertThat(csvAgain.header("X-Cache")).isEqualTo("HIT");
        assertThat(csvAgain.contentType()).isEqualTo(csv.contentType()).startsWith("text/csv");
        assertThat(csvAgain.header("Content-Disposition"))
                .isEqualTo(csv.header("Content-Disposition"))
                .contains(".csv");
        assertThat(csvAgain.asByteArray()).isEqualTo(csv.asByteArray());
        Response jsonAgain = given().accept("application/json").get(path);
        assertThat(jsonAgain.header("X-Cache")).isEqualTo("HIT");
        assertThat(jsonAgain.contentType()).startsWith("application/json");
        assertThat(jsonAgain.asString()).isEqualTo(json.asString());
        assertThat(json.header("ETag")).isNotEqualTo(csv.header("ETag"));
    }

    @Test
    void errorsAreNotKept() {
        UUID unknown = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            Response r = given().get("/api/v1/funds/" + unknown + "/transparency?month=2026-01");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.header("X-Cache")).isNull();
        }
    }
}
