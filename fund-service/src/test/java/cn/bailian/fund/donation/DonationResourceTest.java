package cn.bailian.fund.donation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.bailian.fund.Fixtures;
import cn.bailian.fund.FundEvents;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class DonationResourceTest {

    private static final String YEAR =
            Integer.toString(Year.now(ZoneId.of("Asia/Shanghai")).getValue());

    @Test
    void aDonationGetsTheNextReceiptNumberAndRaisesTheBalance() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Fixtures.donate(community, fund, Fixtures.donation(20_000, "BANK-1"))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/donations/"))
                .body("receiptNumber", equalTo("BL-" + YEAR + "-000001"))
                .body("amountFen", equalTo(20_000))
                .body("currency", equalTo("CNY"))
                .body("displayName", equalTo("成*"))
                .body("refundedFen", equalTo(0));
        Fixtures.donate(community, fund, Fixtures.donation(5_000, "BANK-2"))
                .statusCode(201)
                .body("receiptNumber", equalTo("BL-" + YEAR + "-000002"));
        given().get("/api/v1/funds/" + fund)
                .then()
                .statusCode(200)
                .body("balanceFen", equalTo(25_000))
                .body("donatedFen", equalTo(25_000))
                .body("ledgerEntries", equalTo(2));
        // receipts count per fund: another fund starts at 1
        UUID special = Fixtures.createFund(community, "SPECIAL");
        Fixtures.donate(community, special, Fixtures.donation(100, "BANK-1"))
                .statusCode(201)
                .body("receiptNumber", equalTo("BL-" + YEAR + "-000001"));
    }

    @Test
    void theReceivedEventCarriesOnlyTheMaskedName() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID resident = UUID.randomUUID();
        try (EventProbe probe = EventProbe.on(Fixtures.TOPIC)) {
            String named = Fixtures.donate(
                            community,
                            fund,
                            Map.of(
                                    "donorKind",
                                    "RESIDENT",
                                    "donorId",
                                    resident,
                                    "displayName",
                                    "胡小明",
                                    "amountFen",
                                    8_800,
                                    "channel",
                                    "WECHAT_PAY",
                                    "paymentReference",
                                    "WX-" + UUID.randomUUID()))
                    .statusCode(201)
                    .body("displayName", equalTo("胡*"))
                    .extract()
                    .path("id");
            String hidden = Fixtures.donate(
                            community,
                            fund,
                            Map.of(
                                    "donorKind",
                                    "RESIDENT",
                                    "donorId",
                                    resident,
                                    "displayName",
                                    "胡小明",
                                    "anonymous",
                                    true,
                                    "amountFen",
                                    100,
                                    "channel",
                                    "CASH",
                                    "paymentReference",
                                    "CASH-" + UUID.randomUUID()))
                    .statusCode(201)
                    .body("displayName", equalTo("匿名"))
                    .extract()
                    .path("id");

            var event =
                    probe.await(FundEvents.DONATION_RECEIVED, r -> r.subject().equals(named));
            assertThat(event.key()).isEqualTo(named);
            assertThat(event.data().path("fundId").asText()).isEqualTo(fund.toString());
            assertThat(event.data().path("communityId").asText()).isEqualTo(community.toString());
            assertThat(event.data().path("donorKind").asText()).isEqualTo("RESIDENT");
            assertThat(event.data().path("donorId").asText()).isEqualTo(resident.toString());
            assertThat(event.data().path("residentId").asText()).isEqualTo(resident.toString());
            assertThat(event.data().path("displayName").asText()).isEqualTo("胡*");
            assertThat(event.data().path("amountFen").asLong()).isEqualTo(8_800);
            assertThat(event.data().path("channel").asText()).isEqualTo("WECHAT_PAY");
            assertThat(event.data().path("receiptNumber").asText()).startsWith("BL-" + YEAR + "-");
            assertThat(event.raw()).doesNotContain("胡小明");

            var anonymous =
                    probe.await(FundEvents.DONATION_RECEIVED, r -> r.subject().equals(hidden));
            assertThat(anonymous.data().path("anonymous").asBoolean()).isTrue();
            assertThat(anonymous.data().path("donorId").isNull()).isTrue();
            assertThat(anonymous.data().path("residentId").isNull()).isTrue();
            assertThat(anonymous.data().path("displayName").asText()).isEqualTo("匿名");
        }
    }

    @Test
    void theSamePaymentReferenceAgainAnswersTheSameDonationAndBooksNothing() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        String id = Fixtures.donate(community, fund, Fixtures.donation(30_000, "WX42000001"))
                .statusCode(201)
                .extract()
                .path("id");
        Fixtures.donate(community, fund, Fixtures.donation(30_000, "WX42000001"))
                .statusCode(200)
                .body("id", equalTo(id))
                .body("receiptNumber", equalTo("BL-" + YEAR + "-000001"));
        Fixtures.donate(community, fund, Fixtures.donation(31_000, "WX42000001"))
                .statusCode(409)
                .body("code", equalTo("PAYMENT_REFERENCE_REUSED"));
        given().get("/api/v1/funds/" + fund)
                .then()
                .body("balanceFen", equalTo(30_000))
                .body("ledgerEntries", equalTo(1));
        assertThat(Fixtures.queryLong("select count(*) from donation where fund_id = ?", fund))
                .isEqualTo(1);
        assertThat(Fixtures.queryLong("select last_seq from receipt_counter where fund_id = ?", fund))
                .isEqualTo(1);
    }

    @Test
    void parallelRequestsWithOneReferenceBookOneDonation() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        List<ExtractableResponse<Response>> responses = parallel(
                12,
                i -> Fixtures.donate(community, fund, Fixtures.donation(1_000, "SAME-REF"))
                        .extract());
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(11);
        assertThat(responses.stream().map(r -> r.path("id")).distinct()).hasSize(1);
        assertThat(Fixtures.queryLong("select count(*) from donation where fund_id = ?", fund))
                .isEqualTo(1);
        assertThat(Fixtures.queryLong("select balance_fen from fund where id = ?", fund))
                .isEqualTo(1_000);
        assertThat(Fixtures.queryLong("select count(*) from ledger_entry where fund_id = ?", fund))
                .isEqualTo(1);
    }

    @Test
    void parallelDonationsGetReceiptNumbersOneToNWithoutGaps() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        int n = 40;
        // every fifth request is invalid for the database (an earmark to a project of no fund): it rolls back
        List<ExtractableResponse<Response>> responses = parallel(n + 8, i -> {
            Map<String, Object> body = new HashMap<>(Fixtures.donation(100 + i, "P-" + i));
            if (i >= n) {
                body.put("projectId", UUID.randomUUID());
            }
            return Fixtures.donate(community, fund, body).extract();
        });
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(n);
        assertThat(responses).filteredOn(r -> r.statusCode() == 422).hasSize(8);
        List<Long> seqs = new ArrayList<>();
        try (Connection c = BailianTestResource.connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery("select receipt_seq, receipt_number from donation where fund_id = '" + fund
                        + "' order by receipt_seq")) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
                assertThat(rs.getString(2)).isEqualTo(String.format("BL-%s-%06d", YEAR, rs.getLong(1)));
            }
        }
        assertThat(seqs)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
        long sum = LongStream.range(0, n).map(i -> 100 + i).sum();
        given().get("/api/v1/funds/" + fund)
                .then()
                .body("balanceFen", equalTo((int) sum))
                .body("ledgerEntries", equalTo(n));
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", equalTo(n))
                .body("firstBrokenEntry", nullValue());
    }

    @Test
    void aRefundIsANewReversingEntryAndTheDonationStaysAsReceipted() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        UUID resident = UUID.randomUUID();
        String donation = Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "RESIDENT",
                                "donorId",
                                resident,
                                "displayName",
                                "李四",
                                "amountFen",
                                10_000,
                                "channel",
                                "WECHAT_PAY",
                                "paymentReference",
                                "WX-R1"))
                .statusCode(201)
                .extract()
                .path("id");
        try (EventProbe probe = EventProbe.on(Fixtures.TOPIC)) {
            String refund = given().auth()
                    .oauth2(Fixtures.staff(community))
                    .contentType(ContentType.JSON)
                    .body(Map.of("amountFen", 3_000, "reason", "重复转账"))
                    .post("/api/v1/donations/" + donation + "/refunds")
                    .then()
                    .statusCode(201)
                    .body("amountFen", equalTo(3_000))
                    .body("donationRefundedFen", equalTo(3_000))
                    .extract()
                    .path("id");
            var event =
                    probe.await(FundEvents.DONATION_REFUNDED, r -> r.subject().equals(refund));
            assertThat(event.data().path("donationId").asText()).isEqualTo(donation);
            assertThat(event.data().path("fundId").asText()).isEqualTo(fund.toString());
            assertThat(event.data().path("communityId").asText()).isEqualTo(community.toString());
            assertThat(event.data().path("amountFen").asLong()).isEqualTo(3_000);
        }
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(Map.of("amountFen", 7_001, "reason", "too much"))
                .post("/api/v1/donations/" + donation + "/refunds")
                .then()
                .statusCode(409)
                .body("code", equalTo("REFUND_EXCEEDS_DONATION"))
                .body("detail", equalTo("At most 7000 fen of receipt BL-" + YEAR + "-000001 can still be refunded."));
        given().auth()
                .oauth2(Fixtures.staff(community))
                .get("/api/v1/donations/" + donation)
                .then()
                .statusCode(200)
                .body("amountFen", equalTo(10_000))
                .body("refundedFen", equalTo(3_000));
        given().get("/api/v1/funds/" + fund)
                .then()
                .body("balanceFen", equalTo(7_000))
                .body("donatedFen", equalTo(10_000))
                .body("refundedFen", equalTo(3_000));
        given().get("/api/v1/funds/" + fund + "/ledger")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[1].kind", equalTo("REFUND"))
                .body("items[1].debitAccount", equalTo("INCOME:DONATIONS"))
                .body("items[1].creditAccount", equalTo("ASSET:FUND"))
                .body("items[1].amountFen", equalTo(3_000))
                .body("items[1].donationId", equalTo(donation));
        // the database itself refuses to edit a receipted donation or delete a refund
        try (Connection c = BailianTestResource.connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(
                            () -> s.executeUpdate("update donation set amount_fen = 1 where id = '" + donation + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("locked");
            assertThatThrownBy(() -> s.executeUpdate("delete from refund where donation_id = '" + donation + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void parallelRefundsNeverGiveBackMoreThanTheDonation() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        String donation = Fixtures.donateOk(community, fund, 10_000);
        List<ExtractableResponse<Response>> responses = parallel(
                10,
                i -> given().auth()
                        .oauth2(Fixtures.staff(community))
                        .contentType(ContentType.JSON)
                        .body(Map.of("amountFen", 3_000, "reason", "退款 " + i))
                        .post("/api/v1/donations/" + donation + "/refunds")
                        .then()
                        .extract());
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(3);
        assertThat(responses)
                .filteredOn(r -> r.statusCode() == 409)
                .hasSize(7)
                .allSatisfy(r -> assertThat((String) r.path("code")).isEqualTo("REFUND_EXCEEDS_DONATION"));
        assertThat(Fixtures.queryLong("select refunded_fen from donation where id = ?::uuid", donation))
                .isEqualTo(9_000);
        assertThat(Fixtures.queryLong("select balance_fen from fund where id = ?", fund))
                .isEqualTo(1_000);
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .body("valid", equalTo(true))
                .body("entries", equalTo(4));
    }

    @Test
    void whoMayBookAndSeeDonations() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Map<String, Object> body = Fixtures.donation(500, "PERM-1");
        String path = "/api/v1/funds/" + fund + "/donations";
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.service("wechat-pay-gateway"))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(DevTokens.admin())
                .contentType(ContentType.JSON)
                .body(Fixtures.donation(500, "PERM-2"))
                .post(path)
                .then()
                .statusCode(201);

        UUID resident = UUID.randomUUID();
        String own = Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "RESIDENT",
                                "donorId",
                                resident,
                                "displayName",
                                "王五",
                                "amountFen",
                                200,
                                "channel",
                                "CASH",
                                "paymentReference",
                                "CASH-9"))
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(DevTokens.resident(resident, community))
                .get("/api/v1/donations/" + own)
                .then()
                .statusCode(200)
                .body("paymentReference", equalTo("CASH-9"));
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), community))
                .get("/api/v1/donations/" + own)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(resident, community))
                .get(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Fixtures.staff(community))
                .get(path)
                .then()
                .statusCode(200)
                .body("total", equalTo(3));
        given().auth()
                .oauth2(DevTokens.resident(resident, community))
                .contentType(ContentType.JSON)
                .body(Map.of("amountFen", 100, "reason", "想要回来"))
                .post("/api/v1/donations/" + own + "/refunds")
                .then()
                .statusCode(403);
    }

    @Test
    void invalidDonationsAreRefusedAndBookNothing() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Fixtures.donate(community, fund, Fixtures.donation(0, "X-1"))
                .statusCode(400)
                .body("errors[0].field", equalTo("amountFen"));
        Fixtures.donate(community, fund, Fixtures.donation(10_000_000_001L, "X-2"))
                .statusCode(400)
                .body("errors[0].field", equalTo("amountFen"));
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(
                        "{\"donorKind\":\"ENTERPRISE\",\"displayName\":\"某公司\",\"amountFen\":10.5,\"channel\":\"CASH\",\"paymentReference\":\"X-3\"}")
                .post("/api/v1/funds/" + fund + "/donations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("amountFen"));
        Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "ANONYMOUS",
                                "anonymous",
                                false,
                                "amountFen",
                                100,
                                "channel",
                                "CASH",
                                "paymentReference",
                                "X-4"))
                .statusCode(400)
                .body("errors[0].field", equalTo("anonymous"));
        Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "RESIDENT",
                                "displayName",
                                "胡小明",
                                "amountFen",
                                100,
                                "channel",
                                "CASH",
                                "paymentReference",
                                "X-5"))
                .statusCode(400)
                .body("errors[0].field", equalTo("donorId"));
        Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "ENTERPRISE",
                                "amountFen",
                                100,
                                "channel",
                                "CASH",
                                "paymentReference",
                                "X-6"))
                .statusCode(400)
                .body("errors[0].field", equalTo("displayName"));
        Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "ENTERPRISE",
                                "displayName",
                                "某公司",
                                "amountFen",
                                100,
                                "channel",
                                "ALIPAY",
                                "paymentReference",
                                "X-7"))
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        UUID otherFund = Fixtures.communityFund(UUID.randomUUID());
        UUID otherProject = Fixtures.propose(otherFundCommunity(otherFund), otherFund, 1_000, null);
        Map<String, Object> earmarked = new HashMap<>(Fixtures.donation(100, "X-8"));
        earmarked.put("projectId", otherProject);
        Fixtures.donate(community, fund, earmarked).statusCode(422).body("code", equalTo("PROJECT_NOT_IN_FUND"));
        assertThat(Fixtures.queryLong("select count(*) from donation where fund_id = ?", fund))
                .isZero();
        assertThat(Fixtures.queryLong("select balance_fen from fund where id = ?", fund))
                .isZero();
        assertThat(Fixtures.queryLong("select count(*) from receipt_counter where fund_id = ?", fund))
                .isZero();
    }

    private static UUID otherFundCommunity(UUID fund) {
        return UUID.fromString(
                given().get("/api/v1/funds/" + fund).then().extract().path("communityId"));
    }

    static <T> List<T> parallel(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            Callable<T> task = () -> {
                start.await();
                return call.apply(k);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        return results;
    }
}
