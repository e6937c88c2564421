package cn.bailian.kit.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.kit.sample.LimitedResource;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/** @RateLimited on the sample: per client address on an anonymous read, per subject on a write; 429 with Retry-After. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class RateLimitedTest {

    @Test
    void aCostlyAnonymousReadIsLimitedPerClientAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(given().when().get("/api/v1/limited/report").statusCode())
                    .isEqualTo(200);
        }
        Response refused = given().header("Accept-Language", "en").when().get("/api/v1/limited/report");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("code")).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.jsonPath().getString("title")).isEqualTo("Too many requests");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(given().when().get("/api/v1/limited/report").jsonPath().getString("title"))
                .isEqualTo("请求过于频繁");
    }

    @Test
    void writesAreLimitedPerSubjectAndARefusedWriteDoesNotRun() {
        String first = DevTokens.resident(UUID.randomUUID(), UUID.randomUUID());
        String second = DevTokens.resident(UUID.randomUUID(), UUID.randomUUID());
        assertThat(write(first).statusCode()).isEqualTo(200);
        assertThat(write(first).statusCode()).isEqualTo(200);
        int ran = LimitedResource.WRITES.get();

        Response refused = write(first);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(LimitedResource.WRITES.get()).isEqualTo(ran);
        assertThat(write(second).statusCode())
                .as("another subject has its own allowance")
                .isEqualTo(200);
    }

    @Test
    void authenticationIsCheckedBeforeTheLimit() {
        for (int i = 0; i < 4; i++) {
            assertThat(given().when().post("/api/v1/limited/entries").statusCode())
                    .isEqualTo(401);
        }
    }

    private static Response write(String token) {
        return given().auth().oauth2(token).when().post("/api/v1/limited/entries");
    }
}
