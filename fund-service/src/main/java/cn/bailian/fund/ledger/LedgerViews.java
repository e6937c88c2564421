package cn.bailian.fund.ledger;

import cn.bailian.fund.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class LedgerViews {

    private LedgerViews() {}

    public record EntryView(
            UUID id,

            @Schema(description = "Position in the fund's chain, from 1 without gaps", example = "17")
            long seq,

            OffsetDateTime entryTime,
            @Schema(example = "DONATION") LedgerEntry.Kind kind,
            @Schema(example = "ASSET:FUND") String debitAccount,
            @Schema(example = "INCOME:DONATIONS") String creditAccount,
            @Schema(example = "20000") long amountFen,
            UUID donationId,
            UUID refundId,
            UUID projectId,
            UUID disbursementId,

            @Schema(
                    description = "Hash of the previous entry (64 zeros for the first)",
                    example = "9c1185a5c5e9fc54612808977ee8f548b2258d31bd3d2e5d3d6d0a3e4f0f5b1a")
            String prevHash,

            @Schema(
                    description = "SHA-256 of this entry's fields and prevHash",
                    example = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea")
            String hash) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(
                    e.id,
                    e.seq,
                    Money.view(e.entryTime),
                    e.kind,
                    e.debitAccount,
                    e.creditAccount,
                    e.amountFen,
                    e.donationId,
                    e.refundId,
                    e.projectId,
                    e.disbursementId,
                    e.prevHash,
                    e.hash);
        }
    }

    public record BrokenEntry(
            @Schema(example = "3") long seq,

            @Schema(description = "The entry's id, null when the entry is missing")
            UUID entryId,

            @Schema(
                    description = "SEQUENCE_GAP, PREVIOUS_HASH_MISMATCH, HASH_MISMATCH or MISSING_ENTRY",
                    example = "HASH_MISMATCH")
            String reason) {}

    public record Verification(
            @Schema(example = "true") boolean valid,

            @Schema(description = "Entries checked", example = "42")
            long entries,

            @Schema(description = "The first entry that breaks the chain, null when none does")
            BrokenEntry firstBrokenEntry,

            @Schema(description = "The fund's money according to the ledger", example = "1250000")
            long ledgerBalanceFen,

            @Schema(description = "The fund's recorded balance", example = "1250000")
            long fundBalanceFen,

            boolean balanceMatches) {}
}
