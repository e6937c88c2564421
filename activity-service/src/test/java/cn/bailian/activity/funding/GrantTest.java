package cn.bailian.activity.funding;

import static cn.bailian.activity.Fixtures.FUND_TOPIC;
import static cn.bailian.activity.Fixtures.awaitCount;
import static cn.bailian.activity.Fixtures.published;
import static cn.bailian.activity.Fixtures.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class GrantTest {

    private static String grant(UUID disbursement, UUID community, UUID activity, long amountFen) {
        return """
                {"disbursementId":"%s","projectId":"%s","fundId":"%s","communityId":"%s","activityId":%s,"amountFen":%d}""".formatted(
                        disbursement,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        community,
                        activity == null ? "null" : "\"" + activity + "\"",
                        amountFen);
    }

    @Test
    void aGrantForAnActivityMarksItFundedByTheCommunityFund() throws Exception {
        UUID community = UUID.randomUUID();
        UUID activity = published(community, 10);
        given().when().get("/api/v1/activities/" + activity).then().body("fundedByCommunityFund", equalTo(false));

        UUID first = UUID.randomUUID();
        String type = "cn.bailian.fund.grant.disbursed.v1";
        send(FUND_TOPIC, type, "/bailian/fund-service", first, grant(first, community, activity, 200_000))
                .get();
        // the same disbursement again under another event id, and a grant for no activity
        send(FUND_TOPIC, type, "/bailian/fund-service", first, grant(first, community, activity, 200_000))
                .get();
        UUID unrelated = UUID.randomUUID();
        send(FUND_TOPIC, type, "/bailian/fund-service", unrelated, grant(unrelated, community, null, 99))
                .get();
        UUID second = UUID.randomUUID();
        send(FUND_TOPIC, type, "/bailian/fund-service", second, grant(second, community, activity, 50_000))
                .get();

        awaitCount("select count(*) from activity_grant where activity_id = '" + activity + "'", 2);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().when()
                        .get("/api/v1/activities/" + activity)
                        .then()
                        .body("fundedByCommunityFund", equalTo(true))
                        .body("fundedTotalFen", equalTo(250_000)));
        given().queryParam("communityId", community)
                .when()
                .get("/api/v1/activities")
                .then()
                .body("items[0].fundedByCommunityFund", equalTo(true))
                .body("items[0].fundedTotalFen", equalTo(250_000));
    }
}
