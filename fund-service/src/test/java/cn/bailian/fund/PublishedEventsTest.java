package cn.bailian.fund;

import static io.restassured.RestAssured.given;

import cn.bailian.fund.project.NoticeScheduler;
import cn.bailian.testkit.AsyncApiContract;
import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

/**
 * fund-service's events against its AsyncAPI document (asyncapi/asyncapi.yaml): the test makes the service
 * publish every documented type itself, so it holds whatever other tests ran, in whatever order.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class PublishedEventsTest {

    @Inject
    NoticeScheduler notices;

    @Test
    void examplesConformToTheirSchemas() {
        AsyncApiContract.own().assertExamplesConform();
    }

    @Test
    void everyTypeTheServicePublishesConformsToTheDocument() {
        AsyncApiContract.own().assertScenarioPublishesConformingEvents(() -> {
            UUID community = UUID.randomUUID();
            String staff = Fixtures.staff(community);
            UUID fund = Fixtures.communityFund(community);
            String donation = Fixtures.donateOk(community, fund, 100_000); // donation received
            given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("amountFen", 1_000, "reason", "重复转账"))
                    .post("/api/v1/donations/" + donation + "/refunds")
                    .then()
                    .statusCode(201); // donation refunded
            // proposed, notice started, approved once the notice ended without objection
            UUID project = Fixtures.approved(notices, community, fund, 50_000, UUID.randomUUID());
            given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "amountFen",
                            30_000,
                            "payeeKind",
                            "OUTSIDE",
                            "payee",
                            "成都某某社会工作服务中心",
                            "purpose",
                            "课程讲师费",
                            "invoiceReference",
                            "INV-" + UUID.randomUUID()))
                    .post("/api/v1/projects/" + project + "/disbursements")
                    .then()
                    .statusCode(201); // grant disbursed
            given().auth()
                    .oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("report", "课程已完成。"))
                    .post("/api/v1/projects/" + project + "/complete")
                    .then()
                    .statusCode(200); // completed
        });
    }
}
