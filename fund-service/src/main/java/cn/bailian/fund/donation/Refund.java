package cn.bailian.fund.donation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

    public UUID donationId;
    public UUID fundId;
    public UUID communityId;
    public long amountFen;
    public String reason;
    public Instant refundedAt;
    public String recordedBy;
}
