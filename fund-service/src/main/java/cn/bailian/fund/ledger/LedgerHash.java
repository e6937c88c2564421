package cn.bailian.fund.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The chain's hash: SHA-256 over a canonical text of every field of the entry plus the previous entry's
 * hash. Time enters as epoch microseconds (what PostgreSQL stores), so the text does not depend on
 * formatting or time zones.
 */
public final class LedgerHash {

    private LedgerHash() {}

    public static String canonical(LedgerEntry e) {
        return String.join(
                "|",
                "v1",
                e.fundId.toString(),
                Long.toString(e.seq),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, e.entryTime)),
                e.kind.name(),
                e.debitAccount,
                e.creditAccount,
                Long.toString(e.amountFen),
                text(e.donationId),
                text(e.refundId),
                text(e.projectId),
                text(e.disbursementId),
                e.prevHash);
    }

    public static String of(LedgerEntry e) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(canonical(e).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }
}
