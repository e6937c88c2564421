package cn.bailian.fund.disbursement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.bailian.fund.Fixtures;
import cn.bailian.fund.FundEvents;
import cn.bailian.fund.project.NoticeScheduler;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
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
class DisbursementResourceTest {

    @Inject
    NoticeScheduler notices;

    static Map<String, Object> payment(long amountFen) {
        return Map.of(
                "amountFen",
                amountFen,
                "payeeKind",
                "OUTSIDE",
                "payee",
                "成都某某社会工作服务中心",
                "purpose",
                "课程讲师费",
                "invoiceReference",
                "INV-" + UUID.randomUUID());
    }

    static io.restassured.response.ValidatableResponse disburse(String token, UUID project, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/projects/" + project + "/disbursements")
                .then();
    }

    @Test
    void anApprovedProjectIsPaidOutOfTheFundAndTheGrantEventNamesTheActivity() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID activity = UUID.randomUUID();
        Fixtures.donateOk(community, fund, 100_000);
        UUID project = Fixtures.approved(notices, community, fund, 80_000, activity);
        try (EventProbe probe = EventProbe.on(Fixtures.TOPIC)) {
            String id = disburse(Fixtures.staff(community), project, payment(30_000))
                    .statusCode(201)
                    .body("amountFen", equalTo(30_000))
                    .body("remainingBudgetFen", equalTo(50_000))
                    .extract()
                    .path("id");
            var event = probe.await(FundEvents.GRANT_DISBURSED, r -> r.subject().equals(id));
            assertThat(event.data().path("projectId").asText()).isEqualTo(project.toString());
            assertThat(event.data().path("activityId").asText()).isEqualTo(activity.toString());
            assertThat(event.data().path("fundId").asText()).isEqualTo(fund.toString());
            assertThat(event.data().path("communityId").asText()).isEqualTo(community.toString());
            assertThat(event.data().path("amountFen").asLong()).isEqualTo(30_000);
        }
        given().get("/api/v1/funds/" + fund)
                .then()
                .body("balanceFen", equalTo(70_000))
                .body("disbursedFen", equalTo(30_000));
        given().get("/api/v1/projects/" + project)
                .then()
                .body("funding.disbursedFen", equalTo(30_000))
                .body("funding.remainingBudgetFen", equalTo(50_000));
        given().get("/api/v1/funds/" + fund + "/ledger")
                .then()
                .body("items[1].kind", equalTo("DISBURSEMENT"))
                .body("items[1].debitAccount", equalTo("EXPENSE:PROJECT_GRANTS"))
                .body("items[1].creditAccount", equalTo("ASSET:FUND"))
                .body("items[1].projectId", equalTo(project.toString()));
        // public amounts, private details
        given().get("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].payee", equalTo("成都某某社会工作服务中心"))
                .body("items[0].payeeKind", equalTo("OUTSIDE"))
                .body("items[0].payeeOrganizationId", nullValue())
                .body("items[0].invoiceReference", nullValue());
        given().auth()
                .oauth2(Fixtures.staff(community))
                .get("/api/v1/projects/" + project + "/disbursements")
                .then()
                .body("items[0].invoiceReference", org.hamcrest.Matchers.startsWith("INV-"));
    }

    @Test
    void noPaymentBeforeApprovalBeyondTheBalanceOrBeyondTheBudget() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Fixtures.donateOk(community, fund, 10_000);
        UUID noticed = Fixtures.inNotice(community, fund, 50_000, null);
        disburse(Fixtures.staff(community), noticed, payment(1_000))
                .statusCode(409)
                .body("code", equalTo("PROJECT_NOT_APPROVED"));

        UUID project = Fixtures.approved(notices, community, fund, 50_000, null);
        disburse(Fixtures.staff(community), project, payment(10_001))
                .statusCode(409)
                .body("code", equalTo("INSUFFICIENT_FUNDS"))
                .body("availableFen", equalTo(10_000));
        Fixtures.donateOk(community, fund, 100_000);
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(payment(50_001))
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(409)
                .body("code", equalTo("BUDGET_EXCEEDED"))
                .body("remainingBudgetFen", equalTo(50_000))
                .body("detail", org.hamcrest.Matchers.containsString("50000 fen"));
        disburse(Fixtures.staff(community), project, payment(50_000)).statusCode(201);
        disburse(Fixtures.staff(community), project, payment(1))
                .statusCode(409)
                .body("code", equalTo("BUDGET_EXCEEDED"));
        assertThat(Fixtures.queryLong("select count(*) from disbursement where project_id = ?", project))
                .isEqualTo(1);
        given().get("/api/v1/funds/" + fund).then().body("balanceFen", equalTo(60_000));

        // a refund may not take the fund below zero either: spend it down, then try
        String donation = Fixtures.donateOk(community, fund, 5_000);
        UUID big = Fixtures.approved(notices, community, fund, 65_000, null);
        disburse(Fixtures.staff(community), big, payment(65_000)).statusCode(201);
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of("amountFen", 5_000, "reason", "退回"))
                .post("/api/v1/donations/" + donation + "/refunds")
                .then()
                .statusCode(409)
                .body("code", equalTo("INSUFFICIENT_FUNDS"));
    }

    @Test
    void aRetriedPaymentWithItsIdempotencyKeyPaysOnce() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Fixtures.donateOk(community, fund, 10_000);
        UUID project = Fixtures.approved(notices, community, fund, 10_000, null);
        Map<String, Object> body = payment(4_000);
        String first = given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "pay-1")
                .body(body)
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "pay-1")
                .body(body)
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "pay-1")
                .body(payment(5_000))
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(Fixtures.queryLong("select count(*) from disbursement where project_id = ?", project))
                .isEqualTo(1);
        given().get("/api/v1/funds/" + fund).then().body("balanceFen", equalTo(6_000));
    }

    @Test
    void onlyStaffOfTheCommunityPay() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Fixtures.donateOk(community, fund, 10_000);
        UUID project = Fixtures.approved(notices, community, fund, 5_000, null);
        given().contentType(ContentType.JSON)
                .body(payment(100))
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(401);
        disburse(DevTokens.resident(UUID.randomUUID(), community), project, payment(100))
                .statusCode(403);
        disburse(DevTokens.staff(UUID.randomUUID()), project, payment(100)).statusCode(403);
        disburse(DevTokens.service("payments"), project, payment(100)).statusCode(403);
        disburse(DevTokens.admin(), project, payment(100)).statusCode(201);
        disburse(Fixtures.staff(community), project, Map.of("amountFen", 100, "payee", "x", "purpose", "y"))
                .statusCode(400)
                .body("errors[0].field", equalTo("invoiceReference"));
    }

    @Test
    void hundredParallelPaymentsNeverTakeMoreThanTheBalance() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Fixtures.donateOk(community, fund, 50_000);
        UUID project = Fixtures.approved(notices, community, fund, 1_000_000, null);
        UUID small = Fixtures.approved(notices, community, fund, 20_000, null);
        int n = 100;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // a quarter of them go to a project whose budget is smaller than its share
            UUID target = i % 4 == 0 ? small : project;
            long amount = i % 4 == 0 ? 1_500 : 1_000;
            futures.add(pool.submit(() -> {
                start.await();
                return disburse(Fixtures.staff(community), target, payment(amount))
                        .extract();
            }));
        }
        start.countDown();
        List<ExtractableResponse<Response>> responses = new ArrayList<>();
        for (var f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();

        long paid = responses.stream()
                .filter(r -> r.statusCode() == 201)
                .mapToLong(r -> ((Number) r.path("amountFen")).longValue())
                .sum();
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
        assertThat(responses)
                .filteredOn(r -> r.statusCode() == 409)
                .allSatisfy(r -> assertThat((String) r.path("code")).isIn("INSUFFICIENT_FUNDS", "BUDGET_EXCEEDED"));
        assertThat(paid).isLessThanOrEqualTo(50_000);
        // every payment was 1,000 or 1,500 fen: if anything was refused for money, less than 1,500 is left
        long balance = Fixtures.queryLong("select balance_fen from fund where id = ?", fund);
        assertThat(balance).isEqualTo(50_000 - paid).isLessThan(1_500);
        assertThat(Fixtures.queryLong("select coalesce(sum(amount_fen), 0) from disbursement where fund_id = ?", fund))
                .isEqualTo(paid);
        assertThat(Fixtures.queryLong("select disbursed_fen from project where id = ?", small))
                .isLessThanOrEqualTo(20_000);
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("balanceMatches", equalTo(true))
                .body("firstBrokenEntry", nullValue());
    }

    /** A project of 800 yuan, approved, in a fund holding 1,000 yuan. */
    UUID approvedWithMoney(UUID community, UUID fund) {
        Fixtures.donateOk(community, fund, 100_000);
        return Fixtures.approved(notices, community, fund, 80_000, null);
    }

    static Map<String, Object> paymentTo(Map<String, Object> payee) {
        Map<String, Object> body = new java.util.HashMap<>(payee);
        body.putAll(Map.of("amountFen", 1_000, "purpose", "课程讲师费", "invoiceReference", "INV-" + UUID.randomUUID()));
        return body;
    }

    @Test
    void anOrganisationPayeeIsNamedByItsIdAndPaidUnderItsRegisteredName() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID project = approvedWithMoney(community, fund);
        UUID organization = UUID.randomUUID();
        Fixtures.organizationRegistered(organization, community, "成都白莲社会工作服务中心");
        // the kind may be left out when the organisation is named
        disburse(Fixtures.staff(community), project, paymentTo(Map.of("payeeOrganizationId", organization)))
                .statusCode(201)
                .body("payeeKind", equalTo("ORGANIZATION"))
                .body("payeeOrganizationId", equalTo(organization.toString()))
                .body("payee", equalTo("成都白莲社会工作服务中心"));
        assertThat(Fixtures.queryLong(
                        "select count(*) from disbursement where payee_organization_id = ? and payee_kind = 'ORGANIZATION'",
                        organization))
                .isEqualTo(1);
    }

    @Test
    void anUnknownOrForeignOrganisationIsNoPayeeAndNothingIsPaid() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID project = approvedWithMoney(community, fund);
        UUID elsewhere = UUID.randomUUID();
        Fixtures.organizationRegistered(elsewhere, UUID.randomUUID(), "别的社区的协会");
        for (UUID organization : List.of(UUID.randomUUID(), elsewhere)) {
            disburse(
                            Fixtures.staff(community),
                            project,
                            paymentTo(Map.of("payeeKind", "ORGANIZATION", "payeeOrganizationId", organization)))
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo("PAYEE_ORGANIZATION_UNKNOWN"))
                    .body("detail", org.hamcrest.Matchers.containsString(organization.toString()));
        }
        given().auth()
                .oauth2(Fixtures.staff(community))
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(paymentTo(Map.of("payeeOrganizationId", elsewhere)))
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(422)
                .body("code", equalTo("PAYEE_ORGANIZATION_UNKNOWN"))
                .body("title", equalTo("Payee organisation not registered"));
        given().get("/api/v1/funds/" + fund)
                .then()
                .body("balanceFen", equalTo(100_000))
                .body("disbursedFen", equalTo(0));
        assertThat(Fixtures.queryLong("select count(*) from disbursement where project_id = ?", project))
                .isZero();
    }

    @Test
    void freeTextOnlyForAnIndividualOrOutsidePayee() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID project = approvedWithMoney(community, fund);
        UUID organization = UUID.randomUUID();
        Fixtures.organizationRegistered(organization, community, "白莲志愿者协会");
        String staff = Fixtures.staff(community);
        // free text without a kind, free text for an organisation, an id for an outside payee, no text for an
        // individual
        for (Map<String, Object> wrong : List.<Map<String, Object>>of(
                Map.of("payee", "成都某某五金店"),
                Map.of("payeeKind", "ORGANIZATION", "payee", "白莲志愿者协会"),
                Map.of("payeeKind", "ORGANIZATION", "payeeOrganizationId", organization, "payee", "白莲志愿者协会"),
                Map.of("payeeKind", "OUTSIDE", "payeeOrganizationId", organization, "payee", "成都某某五金店"),
                Map.of("payeeKind", "INDIVIDUAL", "payee", "  "))) {
            disburse(staff, project, paymentTo(wrong))
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo("PAYEE_KIND_MISMATCH"));
        }
        given().auth()
                .oauth2(staff)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(paymentTo(Map.of("payee", "x")))
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(422)
                .body("title", equalTo("Payee does not match its kind"));
        assertThat(Fixtures.queryLong("select count(*) from disbursement where project_id = ?", project))
                .isZero();

        disburse(staff, project, paymentTo(Map.of("payeeKind", "OUTSIDE", "payee", "成都某某五金店")))
                .statusCode(201)
                .body("payeeKind", equalTo("OUTSIDE"))
                .body("payee", equalTo("成都某某五金店"));
        disburse(staff, project, paymentTo(Map.of("payeeKind", "INDIVIDUAL", "payee", "王小明")))
                .statusCode(201)
                .body("payeeKind", equalTo("INDIVIDUAL"))
                .body("payee", equalTo("王小明"));
        // a person's name is masked for the public, shown to staff
        given().get("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(200)
                .body("items.find { it.payeeKind == 'INDIVIDUAL' }.payee", org.hamcrest.Matchers.not(equalTo("王小明")))
                .body("items.find { it.payeeKind == 'OUTSIDE' }.payee", equalTo("成都某某五金店"));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/projects/" + project + "/disbursements")
                .then()
                .body("items.find { it.payeeKind == 'INDIVIDUAL' }.payee", equalTo("王小明"));
    }
}
