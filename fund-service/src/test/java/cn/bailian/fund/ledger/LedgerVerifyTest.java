package cn.bailian.fund.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.bailian.fund.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class LedgerVerifyTest {

    private static UUID fundWithFiveDonations() {
        UUID community = UUID.randomUUID();
        UUID fund = Fixtures.communityFund(community);
        for (int i = 1; i <= 5; i++) {
            Fixtures.donateOk(community, fund, i * 1_000L);
        }
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", equalTo(5))
                .body("firstBrokenEntry", nullValue())
                .body("ledgerBalanceFen", equalTo(15_000))
                .body("fundBalanceFen", equalTo(15_000));
        return fund;
    }

    /** As an attacker with database access would: switch the append-only trigger off, tamper, switch it on. */
    private static void tamper(String... statements) throws SQLException {
        try (Connection c = BailianTestResource.connect();
                Statement s = c.createStatement()) {
            s.execute("alter table ledger_entry disable trigger ledger_entry_append_only");
            try {
                for (String sql : statements) {
                    s.execute(sql);
                }
            } finally {
                s.execute("alter table ledger_entry enable trigger ledger_entry_append_only");
            }
        }
    }

    @Test
    void theLedgerIsAChainAnyoneCanPageThrough() {
        UUID fund = fundWithFiveDonations();
        var page = given().get("/api/v1/funds/" + fund + "/ledger?page=0&size=2")
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("size", equalTo(2))
                .body("items[0].seq", equalTo(1))
                .body("items[1].seq", equalTo(2))
                .body("items[0].prevHash", equalTo("0".repeat(64)))
                .body("items[0].kind", equalTo("DONATION"))
                .body("items[0].debitAccount", equalTo("ASSET:FUND"))
                .extract();
        assertThat((String) page.path("items[1].prevHash")).isEqualTo(page.path("items[0].hash"));
        given().get("/api/v1/funds/" + fund + "/ledger?page=2&size=2").then().body("items[0].seq", equalTo(5));
        given().get("/api/v1/funds/" + UUID.randomUUID() + "/ledger").then().statusCode(404);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        UUID fund = fundWithFiveDonations();
        assertThatThrownBy(() -> {
                    try (Connection c = BailianTestResource.connect();
                            Statement s = c.createStatement()) {
                        s.executeUpdate(
                                "update ledger_entry set amount_fen = 1 where fund_id = '" + fund + "' and seq = 1");
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> {
                    try (Connection c = BailianTestResource.connect();
                            Statement s = c.createStatement()) {
                        s.executeUpdate("delete from ledger_entry where fund_id = '" + fund + "'");
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void aChangedAmountIsNamed() throws Exception {
        UUID fund = fundWithFiveDonations();
        tamper("update ledger_entry set amount_fen = 300 where fund_id = '" + fund + "' and seq = 3");
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("entries", equalTo(5))
                .body("firstBrokenEntry.seq", equalTo(3))
                .body("firstBrokenEntry.reason", equalTo("HASH_MISMATCH"))
                .body("firstBrokenEntry.entryId", equalTo(entryId(fund, 3)))
                .body("balanceMatches", equalTo(false));
    }

    @Test
    void aChangedRowWithARecomputedHashBreaksTheNextLink() throws Exception {
        UUID fund = fundWithFiveDonations();
        // the attacker recomputes the changed row's own hash, but cannot fix the next entry without rewriting the rest
        LedgerEntry forged = load(fund, 2);
        forged.amountFen = 200;
        String hash = LedgerHash.of(forged);
        tamper("update ledger_entry set amount_fen = 200, hash = '" + hash + "' where fund_id = '" + fund
                + "' and seq = 2");
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .body("valid", equalTo(false))
                .body("firstBrokenEntry.seq", equalTo(3))
                .body("firstBrokenEntry.reason", equalTo("PREVIOUS_HASH_MISMATCH"));
    }

    @Test
    void aDeletedEntryIsNamedByTheOneAfterIt() throws Exception {
        UUID fund = fundWithFiveDonations();
        tamper("delete from ledger_entry where fund_id = '" + fund + "' and seq = 2");
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .body("valid", equalTo(false))
                .body("entries", equalTo(4))
                .body("firstBrokenEntry.seq", equalTo(3))
                .body("firstBrokenEntry.reason", equalTo("SEQUENCE_GAP"));
    }

    @Test
    void aDeletedLastEntryIsNamedAsMissing() throws Exception {
        UUID fund = fundWithFiveDonations();
        tamper("delete from ledger_entry where fund_id = '" + fund + "' and seq = 5");
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .body("valid", equalTo(false))
                .body("firstBrokenEntry.seq", equalTo(5))
                .body("firstBrokenEntry.reason", equalTo("MISSING_ENTRY"))
                .body("firstBrokenEntry.entryId", nullValue());
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        UUID fund = fundWithFiveDonations();
        tamper(
                "update ledger_entry set seq = 1000 where fund_id = '" + fund + "' and seq = 2",
                "update ledger_entry set seq = 2 where fund_id = '" + fund + "' and seq = 4",
                "update ledger_entry set seq = 4 where fund_id = '" + fund + "' and seq = 1000");
        // the entry now at seq 2 (the former 4th) does not link to the 1st: it is the first broken one, by id
        given().get("/api/v1/funds/" + fund + "/ledger/verify")
                .then()
                .body("valid", equalTo(false))
                .body("firstBrokenEntry.seq", equalTo(2))
                .body("firstBrokenEntry.reason", equalTo("PREVIOUS_HASH_MISMATCH"))
                .body("firstBrokenEntry.entryId", equalTo(entryId(fund, 2)));
    }

    private static String entryId(UUID fund, int seq) throws Exception {
        try (Connection c = BailianTestResource.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select id from ledger_entry where fund_id = '" + fund + "' and seq = " + seq)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static LedgerEntry load(UUID fund, int seq) throws Exception {
        try (Connection c = BailianTestResource.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select * from ledger_entry where fund_id = '" + fund + "' and seq = " + seq)) {
            rs.next();
            LedgerEntry e = new LedgerEntry();
            e.id = rs.getObject("id", UUID.class);
            e.fundId = rs.getObject("fund_id", UUID.class);
            e.seq = rs.getLong("seq");
            e.entryTime =
                    rs.getObject("entry_time", java.time.OffsetDateTime.class).toInstant();
            e.kind = LedgerEntry.Kind.valueOf(rs.getString("kind"));
            e.debitAccount = rs.getString("debit_account");
            e.creditAccount = rs.getString("credit_account");
            e.amountFen = rs.getLong("amount_fen");
            e.donationId = rs.getObject("donation_id", UUID.class);
            e.refundId = rs.getObject("refund_id", UUID.class);
            e.projectId = rs.getObject("project_id", UUID.class);
            e.disbursementId = rs.getObject("disbursement_id", UUID.class);
            e.prevHash = rs.getString("prev_hash");
            e.hash = rs.getString("hash");
            assertThat(LedgerHash.of(e))
                    .as("the test reads the row as the service hashes it")
                    .isEqualTo(e.hash);
            return e;
        }
    }
}
