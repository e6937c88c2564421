package cn.bailian.fund.donation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** Money given back against a donation: a reversing entry, never an edit of the donation. */
@Entity
@Immutable
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "donation_id")
    public UUID donationId;
    @Column(name = "fund_id")
    public UUID fundId;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "amount_fen")
    public long amountFen;
    public String reason;
    @Column(name = "refunded_at")
    public Instant refundedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
