package cn.bailian.fund.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** One journal entry: {@code amountFen} moves from the credit account to the debit account. Never changed. */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    public enum Kind {
        DONATION,
        REFUND,
        DISBURSEMENT
    }

    @Id
    public UUID id;

    @Column(name = "fund_id")
    public UUID fundId;

    public long seq;

    @Column(name = "entry_time")
    public Instant entryTime;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "debit_account")
    public String debitAccount;

    @Column(name = "credit_account")
    public String creditAccount;

    @Column(name = "amount_fen")
    public long amountFen;

    @Column(name = "donation_id")
    public UUID donationId;

    @Column(name = "refund_id")
    public UUID refundId;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "disbursement_id")
    public UUID disbursementId;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}
