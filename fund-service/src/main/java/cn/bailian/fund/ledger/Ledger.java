package cn.bailian.fund.ledger;

import cn.bailian.fund.fund.Fund;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Appends to a fund's hash-chained ledger and checks the chain. Appending requires the fund's row lock
 * (FundService.lock), which makes the sequence gapless and the chain linear.
 */
@ApplicationScoped
public class Ledger {

    public static final String GENESIS = Fund.GENESIS_HASH;
    /** The fund's money (bank account, cash box, WeChat merchant account together). */
    public static final String ASSET = "ASSET:FUND";

    public static final String DONATIONS = "INCOME:DONATIONS";
    public static final String GRANTS = "EXPENSE:PROJECT_GRANTS";

    public record References(UUID donationId, UUID refundId, UUID projectId, UUID disbursementId) {}

    @Inject
    Event<LedgerEntryBooked> booked;

    /**
     * Books one entry on a fund whose row the caller holds locked, and advances the fund's chain head. Observers of
     * {@link LedgerEntryBooked} (the transparency report's monthly figures) run before it returns, in the same
     * transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry append(
            Fund lockedFund,
            LedgerEntry.Kind kind,
            String debit,
            String credit,
            long amountFen,
            Instant at,
            References refs) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.fundId = lockedFund.id;
        entry.seq = lockedFund.ledgerSeq + 1;
        entry.entryTime = at;
        entry.kind = kind;
        entry.debitAccount = debit;
        entry.creditAccount = credit;
        entry.amountFen = amountFen;
        entry.donationId = refs.donationId();
        entry.refundId = refs.refundId();
        entry.projectId = refs.projectId();
        entry.disbursementId = refs.disbursementId();
        entry.prevHash = lockedFund.ledgerHash;
        entry.hash = LedgerHash.of(entry);
        entry.persist();
        lockedFund.ledgerSeq = entry.seq;
        lockedFund.ledgerHash = entry.hash;
        booked.fire(new LedgerEntryBooked(entry));
        return entry;
    }

    public Page<LedgerViews.EntryView> list(UUID fundId, PageRequest page) {
        var query = LedgerEntry.<LedgerEntry>find("fundId", Sort.by("seq"), fundId);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(LedgerViews.EntryView::of)
                        .toList(),
                query.count());
    }

    /**
     * Recomputes the chain from the first entry: an entry is broken if its number is not the next one
     * (deleted or reordered rows), its previous-hash is not the hash of the entry before, or its own hash does
     * not match its fields (a changed row). The end of the chain must be the head the fund row recorded.
     */
    @Transactional
    public LedgerViews.Verification verify(Fund fund) {
        // only the entries the fund row knew of when it was read: later appends belong to the next check
        long headSeq = fund.ledgerSeq;
        long expectedSeq = 1;
        String expectedPrev = GENESIS;
        long entries = 0;
        long assetFen = 0;
        LedgerViews.BrokenEntry broken = null;
        long after = 0;
        while (true) {
            List<LedgerEntry> batch = LedgerEntry.<LedgerEntry>find(
                            "fundId = ?1 and seq > ?2 and seq <= ?3", Sort.by("seq"), fund.id, after, headSeq)
                    .page(0, 500)
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            for (LedgerEntry e : batch) {
                entries++;
                if (e.debitAccount.equals(ASSET)) {
                    assetFen += e.amountFen;
                } else if (e.creditAccount.equals(ASSET)) {
                    assetFen -= e.amountFen;
                }
                if (broken == null) {
                    String reason = null;
                    if (e.seq != expectedSeq) {
                        reason = "SEQUENCE_GAP";
                    } else if (!e.prevHash.equals(expectedPrev)) {
                        reason = "PREVIOUS_HASH_MISMATCH";
                    } else if (!LedgerHash.of(e).equals(e.hash)) {
                        reason = "HASH_MISMATCH";
                    }
                    if (reason != null) {
                        broken = new LedgerViews.BrokenEntry(e.seq, e.id, reason);
                    }
                }
                expectedSeq = e.seq + 1;
                expectedPrev = e.hash;
                after = e.seq;
            }
            LedgerEntry.getEntityManager().clear();
        }
        if (broken == null && (after != headSeq || !expectedPrev.equals(fund.ledgerHash))) {
            // the last entries are gone (or replaced): name the first one the fund row says must exist
            broken = new LedgerViews.BrokenEntry(after + 1, null, "MISSING_ENTRY");
        }
        boolean balanceMatches = assetFen == fund.balanceFen;
        return new LedgerViews.Verification(
                broken == null && balanceMatches, entries, broken, assetFen, fund.balanceFen, balanceMatches);
    }
}
