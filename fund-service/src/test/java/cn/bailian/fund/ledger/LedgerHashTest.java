package cn.bailian.fund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** The hash is a pure function of the entry: plain unit test. */
class LedgerHashTest {

    private static LedgerEntry entry() {
        LedgerEntry e = new LedgerEntry();
        e.fundId = UUID.fromString("00000000-0000-0000-0000-000000000001");
        e.seq = 7;
        e.entryTime = Instant.parse("2026-11-27T01:02:03.123456Z");
        e.kind = LedgerEntry.Kind.DONATION;
        e.debitAccount = Ledger.ASSET;
        e.creditAccount = Ledger.DONATIONS;
        e.amountFen = 20_000;
        e.donationId = UUID.fromString("00000000-0000-0000-0000-000000000002");
        e.prevHash = Ledger.GENESIS;
        return e;
    }

    @Test
    void theCanonicalTextNamesEveryFieldAndThePreviousHash() {
        assertThat(LedgerHash.canonical(entry()))
                .isEqualTo(
                        "v1|00000000-0000-0000-0000-000000000001|7|1795741323123456|DONATION|ASSET:FUND|INCOME:DONATIONS|20000|"
                                + "00000000-0000-0000-0000-000000000002||||" + "0".repeat(64));
        assertThat(LedgerHash.of(entry())).hasSize(64).isEqualTo(LedgerHash.of(entry()));
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        String original = LedgerHash.of(entry());
        LedgerEntry amount = entry();
        amount.amountFen = 20_001;
        LedgerEntry time = entry();
        time.entryTime = time.entryTime.plusNanos(1_000);
        LedgerEntry previous = entry();
        previous.prevHash = "1" + Ledger.GENESIS.substring(1);
        LedgerEntry reference = entry();
        reference.projectId = UUID.randomUUID();
        assertThat(LedgerHash.of(amount)).isNotEqualTo(original);
        assertThat(LedgerHash.of(time)).isNotEqualTo(original);
        assertThat(LedgerHash.of(previous)).isNotEqualTo(original);
        assertThat(LedgerHash.of(reference)).isNotEqualTo(original);
    }
}
