package cn.bailian.fund.donation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A receipted donation. Locked once booked (a trigger enforces it): a refund is a new record. */
@Entity
@Table(name = "donation")
public class Donation extends PanacheEntityBase {

    public enum DonorKind { RESIDENT, ORGANIZATION, ENTERPRISE, ANONYMOUS }

    public enum Channel { CASH, WECHAT_PAY, BANK_TRANSFER }

    @Id
    public UUID id;
    @Column(name = "fund_id")
    public UUID fundId;
    @Column(name = "community_id")
    public UUID communityId;
    @Enumerated(EnumType.STRING)
    @Column(name = "donor_kind")
    public DonorKind donorKind;
    @Column(name = "donor_id")
    public UUID donorId;
    @Column(name = "display_name")
    public String displayName;
    public boolean anonymous;
    @Column(name = "amount_fen")
    public long amountFen;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "payment_reference")
    public String paymentReference;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "receipt_year")
    public int receiptYear;
    @Column(name = "receipt_seq")
    public long receiptSeq;
    @Column(name = "receipt_number")
    public String receiptNumber;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "refunded_fen")
    public long refundedFen;
    @Version
    public long version;
}
