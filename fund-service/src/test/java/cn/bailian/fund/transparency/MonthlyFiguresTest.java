package cn.bailian.fund.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.fund.Fixtures;
import cn.bailian.fund.project.NoticeScheduler;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.TestDb;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The report's figures come from fund_month_figure, booked with each ledger entry (issue #27). They must be what the
 * report used to compute from all of the month's rows, for every kind of booking, and parallel bookings must not lose
 * an increment.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class MonthlyFiguresTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final YearMonth THIS_MONTH = YearMonth.now(ZONE);

    @Inject
    NoticeScheduler notices;

    @Test
    void theReportEqualsTheFullComputationOverTheMonthsRows() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "RESIDENT",
                                "donorId",
                                UUID.randomUUID(),
                                "displayName",
                                "胡小明",
                                "amountFen",
                                20_000,
                                "channel",
                                "WECHAT_PAY",
                                "paymentReference",
                                "WX-1"))
                .statusCode(201);
        Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "RESIDENT",
                                "donorId",
                                UUID.randomUUID(),
                                "displayName",
                                "刘大妈",
                                "anonymous",
                                true,
                                "amountFen",
                                5_000,
                                "channel",
                                "CASH",
                                "paymentReference",
                                "CASH-1"))
                .statusCode(201);
        Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "RESIDENT",
                                "donorId",
                                UUID.randomUUID(),
                                "displayName",
                                "王阿姨",
                                "amountFen",
                                7_000,
                                "channel",
                                "CASH",
                                "paymentReference",
                                "CASH-2"))
                .statusCode(201);
        String refunded = Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "ENTERPRISE",
                                "displayName",
                                "成都白莲科技有限公司",
                                "amountFen",
                                300_000,
                                "channel",
                                "BANK_TRANSFER",
                                "paymentReference",
                                "BANK-1"))
                .statusCode(201)
                .extract()
                .path("id");
        for (long amount : new long[] {10_000, 2_500}) {
            given().auth()
                    .oauth2(Fixtures.staff(community))
                    .contentType(ContentType.JSON)
                    .body(Map.of("amountFen", amount, "reason", "多转"))
                    .post("/api/v1/donations/" + refunded + "/refunds")
                    .then()
                    .statusCode(201);
        }
        UUID small = Fixtures.approved(notices, community, fund, 60_000, null);
        UUID large = Fixtures.approved(notices, community, fund, 200_000, null);
        disburse(community, small, 40_000);
        disburse(community, large, 90_000);
        disburse(community, large, 30_000);

        for (YearMonth month : List.of(THIS_MONTH.minusMonths(1), THIS_MONTH, THIS_MONTH.plusMonths(1))) {
            JsonPath report = given().accept("application/json")
                    .get("/api/v1/funds/" + fund + "/transparency?month=" + month)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(figures(report)).as("the report of %s", month).isEqualTo(fullComputation(fund, month));
        }
        JsonPath report = given().accept("application/json")
                .get("/api/v1/funds/" + fund + "/transparency?month=" + THIS_MONTH)
                .then()
                .extract()
                .jsonPath();
        assertThat(report.getLong("donationsFen")).isEqualTo(332_000);
        assertThat(report.getLong("refundsFen")).isEqualTo(12_500);
        assertThat(report.getLong("spendingFen")).isEqualTo(160_000);
        assertThat(report.getLong("closingBalanceFen")).isEqualTo(332_000 - 12_500 - 160_000);
        assertThat(report.getList("spendingByProject.projectId")).containsExactly(large.toString(), small.toString());
    }

    @Test
    void parallelDonationsToOneFundAddUpExactly() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        int donations = 60;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < donations; i++) {
                long amount = 100 + i;
                answers.add(pool.submit(() -> Fixtures.donate(
                                community, fund, Fixtures.donation(amount, "PAR-" + UUID.randomUUID()))
                        .extract()
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        long total = donations * 100L + donations * (donations - 1) / 2;
        LocalDate month = THIS_MONTH.atDay(1);
        assertThat(TestDb.rows(
                        "select count, amount_fen from fund_month_figure where fund_id = ? and month = ? and figure = 'CHANNEL'",
                        fund,
                        month))
                .containsExactly(List.of((long) donations, total));
        assertThat(TestDb.rows(
                        "select count, amount_fen from fund_month_figure where fund_id = ? and month = ? and figure = 'ASSET'",
                        fund,
                        month))
                .containsExactly(List.of((long) donations, total));
        JsonPath report = given().accept("application/json")
                .get("/api/v1/funds/" + fund + "/transparency?month=" + THIS_MONTH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getLong("donationsFen")).isEqualTo(total);
        assertThat(report.getLong("closingBalanceFen")).isEqualTo(total);
        assertThat(report.getLong("donationCount")).isEqualTo(donations);
        assertThat(report.getList("donations"))
                .as("the first page, of the default size")
                .hasSize(20);
        assertThat(figures(report)).isEqualTo(fullComputation(fund, THIS_MONTH));
    }

    @Test
    void theMonthsDonationsAreListedAPageAtATime() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        for (int i = 0; i < 7; i++) {
            Fixtures.donateOk(community, fund, 100 + i);
        }
        String path = "/api/v1/funds/" + fund + "/transparency?month=" + THIS_MONTH;
        JsonPath first = given().accept("application/json")
                .get(path + "&size=3")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath last = given().accept("application/json")
                .get(path + "&size=3&page=2")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("donations.amountFen")).containsExactly(100, 101, 102);
        assertThat(last.getList("donations.amountFen")).containsExactly(106);
        assertThat(last.getLong("donationCount")).isEqualTo(7);
        assertThat(last.getInt("donationsPage")).isEqualTo(2);
        assertThat(last.getInt("donationsSize")).isEqualTo(3);
        assertThat(last.getLong("donationsFen"))
                .as("the figures are the whole month's")
                .isEqualTo(7 * 100 + 21);
        given().accept("application/json")
                .get(path + "&size=101")
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("VALIDATION_FAILED"));
        String csv = given().accept("text/csv")
                .get(path + "&size=3&page=2")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv).contains("donationCount,7,donationsPage,2,donationsSize,3");
    }

    @Test
    void aMonthIsAShanghaiMonth() {
        MonthlyFigures figures = new MonthlyFigures();
        figures.clock =
                new cn.bailian.kit.time.CommunityClock(java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(figures.month(Instant.parse("2026-11-30T15:59:59.999999Z"))).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(figures.month(Instant.parse("2026-11-30T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(figures.month(Instant.parse("2026-12-31T16:00:00Z"))).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    private static void disburse(UUID community, UUID project, long amountFen) {
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "amountFen",
                        amountFen,
                        "payeeKind",
                        "OUTSIDE",
                        "payee",
                        "白莲社工站",
                        "purpose",
                        "课程",
                        "invoiceReference",
                        "INV-" + UUID.randomUUID()))
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(201);
    }

    /** The report's figures, as text to compare. */
    private static Map<String, Object> figures(JsonPath report) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String total :
                List.of("openingBalanceFen", "closingBalanceFen", "donationsFen", "refundsFen", "spendingFen")) {
            f.put(total, report.getLong(total));
        }
        for (String buckets : List.of("donationsByChannel", "donationsByDonorKind", "spendingByType")) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> b : report.<Map<String, Object>>getList(buckets)) {
                rows.add(b.get("key") + " " + b.get("count") + " " + b.get("amountFen"));
            }
            f.put(buckets, rows);
        }
        List<String> projects = new ArrayList<>();
        for (Map<String, Object> p : report.<Map<String, Object>>getList("spendingByProject")) {
            projects.add(p.get("projectId") + " " + p.get("title") + " " + p.get("type") + " " + p.get("count") + " "
                    + p.get("amountFen"));
        }
        f.put("spendingByProject", projects);
        return f;
    }

    /** What the report computed before #27: sums over all of the month's donations, refunds, disbursements and the whole ledger. */
    private static Map<String, Object> fullComputation(UUID fund, YearMonth month) {
        OffsetDateTime start = month.atDay(1).atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toOffsetDateTime();
        String balance = """
                select coalesce(sum(case when debit_account = 'ASSET:FUND' then amount_fen else -amount_fen end), 0) from ledger_entry
                where fund_id = ? and entry_time < ? and (debit_account = 'ASSET:FUND' or credit_account = 'ASSET:FUND')""";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("openingBalanceFen", TestDb.count(balance, fund, start));
        f.put("closingBalanceFen", TestDb.count(balance, fund, end));
        f.put(
                "donationsFen",
                TestDb.count(
                        "select coalesce(sum(amount_fen), 0) from donation where fund_id = ? and received_at >= ? and received_at < ?",
                        fund,
                        start,
                        end));
        f.put(
                "refundsFen",
                TestDb.count(
                        "select coalesce(sum(amount_fen), 0) from refund where fund_id = ? and refunded_at >= ? and refunded_at < ?",
                        fund,
                        start,
                        end));
        f.put(
                "spendingFen",
                TestDb.count(
                        "select coalesce(sum(amount_fen), 0) from disbursement where fund_id = ? and disbursed_at >= ? and disbursed_at < ?",
                        fund,
                        start,
                        end));
        f.put("donationsByChannel", text(TestDb.rows("""
                select channel, count(*), sum(amount_fen) from donation
                where fund_id = ? and received_at >= ? and received_at < ? group by channel order by channel""", fund, start, end)));
        f.put("donationsByDonorKind", text(TestDb.rows("""
                select case when anonymous then 'ANONYMOUS' else donor_kind end, count(*), sum(amount_fen) from donation
                where fund_id = ? and received_at >= ? and received_at < ? group by 1 order by 1""", fund, start, end)));
        f.put("spendingByType", text(TestDb.rows("""
                select p.type, count(*), sum(d.amount_fen) from disbursement d join project p on p.id = d.project_id
                where d.fund_id = ? and d.disbursed_at >= ? and d.disbursed_at < ? group by p.type order by p.type""", fund, start, end)));
        f.put("spendingByProject", text(TestDb.rows("""
                select p.id, p.title, p.type, count(*), sum(d.amount_fen) from disbursement d join project p on p.id = d.project_id
                where d.fund_id = ? and d.disbursed_at >= ? and d.disbursed_at < ?
                group by p.id, p.title, p.type order by sum(d.amount_fen) desc, p.title""", fund, start, end)));
        return f;
    }

    private static List<String> text(List<List<Object>> rows) {
        return rows.stream()
                .map(r -> String.join(" ", r.stream().map(String::valueOf).toList()))
                .toList();
    }
}
