package cn.bailian.fund.donation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

    public enum DonorKind {
        RESIDENT,
        ORGANIZATION,
        ENTERPRISE,
        ANONYMOUS
    }

    public enum Channel {
        CASH,
        WECHAT_PAY,
        BANK_TRANSFER
    }

    @Id
    public UUID id;

    public UUID fundId;
    public UUID communityId;

    @Enumerated(EnumType.STRING)
    public DonorKind donorKind;

    public UUID donorId;
    public String displayName;
    public boolean anonymous;
    public long amountFen;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String paymentReference;
    public UUID projectId;
    public int receiptYear;
    public long receiptSeq;
    public String receiptNumber;
    public Instant receivedAt;
    public String recordedBy;
    public long refundedFen;

    @Version
    public long version;
}
