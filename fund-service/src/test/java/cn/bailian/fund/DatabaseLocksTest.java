package cn.bailian.fund;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.fund.project.NoticeScheduler;
import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The money rules with the in-JVM gate switched off, as between two replicas of the service: only the
 * database's row locks and constraints stand between parallel requests. Fewer requests than pooled
 * connections, so every one reaches the database.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseLocksTest {

    @Inject
    NoticeScheduler notices;

    @Inject
    MoneyGate gate;

    @BeforeEach
    void withoutGate() {
        gate.enabled(false);
    }

    @AfterEach
    void gateBack() {
        gate.enabled(true);
    }

    @Test
    void receiptsStayGaplessAndAReferenceBooksOnce() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        List<ExtractableResponse<Response>> responses = parallel(
                16,
                i -> Fixtures.donate(community, fund, Fixtures.donation(1_000, i < 4 ? "SAME" : "REF-" + i))
                        .extract());
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(13);
        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(3);
        List<Long> seqs = new ArrayList<>();
        for (int seq = 1; seq <= 13; seq++) {
            seqs.add(Fixtures.queryLong(
                    "select count(*) from donation where fund_id = ? and receipt_seq = ?", fund, (long) seq));
        }
        assertThat(seqs).containsOnly(1L);
        assertThat(Fixtures.queryLong("select max(receipt_seq) from donation where fund_id = ?", fund))
                .isEqualTo(13);
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .body("valid", equalTo(true))
                .body("entries", equalTo(13));
    }

    @Test
    void parallelPaymentsNeverOverdrawTheFund() throws Exception {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        Fixtures.donateOk(community, fund, 10_000);
        UUID project = Fixtures.propose(community, fund, 1_000_000, null);
        Fixtures.review(community, project, "COUNCIL", "APPROVE").statusCode(201);
        Fixtures.review(community, project, "COMMITTEE", "APPROVE").statusCode(201);
        try (var c = BailianTestResource.connect();
                var s = c.createStatement()) {
            s.executeUpdate(
                    "update project set notice_ends_at = now() - interval '1 second' where id = '" + project + "'");
        }
        notices.approveEndedNotices(java.time.Instant.now());
        List<ExtractableResponse<Response>> responses = parallel(
                16,
                i -> given().auth()
                        .oauth2(Fixtures.staff(community))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "amountFen",
                                1_000,
                                "payeeKind",
                                "OUTSIDE",
                                "payee",
                                "白莲社工站",
                                "purpose",
                                "课程",
                                "invoiceReference",
                                "INV-" + i))
                        .post("/api/v1/projects/" + project + "/disbursements")
                        .then()
                        .extract());
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(10);
        assertThat(responses)
                .filteredOn(r -> r.statusCode() == 409)
                .hasSize(6)
                .allSatisfy(r -> assertThat((String) r.path("code")).isEqualTo("INSUFFICIENT_FUNDS"));
        assertThat(Fixtures.queryLong("select balance_fen from fund where id = ?", fund))
                .isZero();
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .body("valid", equalTo(true))
                .body("balanceMatches", equalTo(true));
    }

    static <T> List<T> parallel(int n, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                start.await();
                return call.apply(k);
            }));
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
