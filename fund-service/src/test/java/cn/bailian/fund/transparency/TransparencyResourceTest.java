package cn.bailian.fund.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.bailian.fund.Fixtures;
import cn.bailian.fund.project.NoticeScheduler;
import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class TransparencyResourceTest {

    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    NoticeScheduler notices;

    private UUID fundWithAMonthOfActivity(UUID community) {
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
        String refunded = Fixtures.donate(
                        community,
                        fund,
                        Map.of(
                                "donorKind",
                                "ENTERPRISE",
                                "displayName",
                                "=HYPERLINK(\"x\"),有限公司",
                                "amountFen",
                                100_000,
                                "channel",
                                "BANK_TRANSFER",
                                "paymentReference",
                                "BANK-1"))
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of("amountFen", 10_000, "reason", "多转"))
                .post("/api/v1/donations/" + refunded + "/refunds")
                .then()
                .statusCode(201);
        UUID project = Fixtures.approved(notices, community, fund, 60_000, null);
        given().auth()
                .oauth2(Fixtures.staff(community))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "amountFen",
                        40_000,
                        "payeeKind",
                        "OUTSIDE",
                        "payee",
                        "白莲社工站",
                        "purpose",
                        "课程",
                        "invoiceReference",
                        "INV-1"))
                .post("/api/v1/projects/" + project + "/disbursements")
                .then()
                .statusCode(201);
        return fund;
    }

    @Test
    void theMonthlyReportIsPublicAndAddsUp() {
        UUID community = UUID.randomUUID();
        UUID fund = fundWithAMonthOfActivity(community);
        String body = given().get("/api/v1/funds/" + fund + "/transparency?month=" + THIS_MONTH)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("month", equalTo(THIS_MONTH.toString()))
                .body("currency", equalTo("CNY"))
                .body("openingBalanceFen", equalTo(0))
                .body("donationsFen", equalTo(125_000))
                .body("refundsFen", equalTo(10_000))
                .body("spendingFen", equalTo(40_000))
                .body("closingBalanceFen", equalTo(75_000))
                .body("donationsByChannel.find { it.key == 'WECHAT_PAY' }.amountFen", equalTo(20_000))
                .body("donationsByChannel.find { it.key == 'BANK_TRANSFER' }.amountFen", equalTo(100_000))
                .body("donationsByChannel.find { it.key == 'CASH' }.count", equalTo(1))
                .body("donationsByDonorKind.key", containsInAnyOrder("RESIDENT", "ANONYMOUS", "ENTERPRISE"))
                .body("spendingByProject", hasSize(1))
                .body("spendingByProject[0].amountFen", equalTo(40_000))
                .body("spendingByType[0].key", equalTo("PUBLIC_WELFARE"))
                .body("donations", hasSize(3))
                .body("donations.donor", containsInAnyOrder("胡*", "匿名", "=*"))
                .body("donations.find { it.donor == '匿名' }.donorKind", equalTo("ANONYMOUS"))
                .extract()
                .asString();
        assertThat(body)
                .doesNotContain("胡小明")
                .doesNotContain("刘大妈")
                .doesNotContain("INV-1")
                .doesNotContain("WX-1");
        given().get("/api/v1/funds/" + fund).then().body("balanceFen", equalTo(75_000));
    }

    @Test
    void otherMonthsCarryTheBalanceOver() {
        UUID community = UUID.randomUUID();
        UUID fund = fundWithAMonthOfActivity(community);
        given().get("/api/v1/funds/" + fund + "/transparency?month=" + THIS_MONTH.minusMonths(1))
                .then()
                .statusCode(200)
                .body("openingBalanceFen", equalTo(0))
                .body("closingBalanceFen", equalTo(0))
                .body("donations", hasSize(0));
        given().get("/api/v1/funds/" + fund + "/transparency?month=" + THIS_MONTH.plusMonths(1))
                .then()
                .statusCode(200)
                .body("openingBalanceFen", equalTo(75_000))
                .body("closingBalanceFen", equalTo(75_000))
                .body("donationsFen", equalTo(0))
                .body("spendingByProject", hasSize(0));
    }

    @Test
    void theSameReportAsCsvForSpreadsheets() {
        UUID community = UUID.randomUUID();
        UUID fund = fundWithAMonthOfActivity(community);
        byte[] csv = given().accept("text/csv")
                .get("/api/v1/funds/" + fund + "/transparency?month=" + THIS_MONTH)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(".csv"))
                .extract()
                .asByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("期初余额(分) openingBalanceFen,0")
                .contains("期末余额(分) closingBalanceFen,75000")
                .contains("WECHAT_PAY,1,20000")
                .contains(",胡*,RESIDENT,WECHAT_PAY,20000")
                .contains(",匿名,ANONYMOUS,CASH,5000")
                .doesNotContain("胡小明")
                .doesNotContain("刘大妈");
        // a cell that a spreadsheet would run as a formula is defused
        assertThat(text).contains(",'=*,ENTERPRISE,").doesNotContain(",=*,");
    }

    @Test
    void badMonthAndUnknownFund() {
        UUID fund = Fixtures.communityFund(UUID.randomUUID());
        given().get("/api/v1/funds/" + fund + "/transparency?month=2026-13")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("month"));
        given().get("/api/v1/funds/" + fund + "/transparency?month=November")
                .then()
                .statusCode(400);
        given().get("/api/v1/funds/" + UUID.randomUUID() + "/transparency?month=2026-01")
                .then()
                .statusCode(404)
                .body("code", equalTo("FUND_NOT_FOUND"));
        given().get("/api/v1/funds/" + fund + "/transparency")
                .then()
                .statusCode(200)
                .body("month", equalTo(THIS_MONTH.toString()))
                .body(not(containsString("Exception")));
    }
}
