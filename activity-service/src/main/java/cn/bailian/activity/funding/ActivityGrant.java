package cn.bailian.activity.funding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A community-fund disbursement made for an activity, from fund-service's grant.disbursed events. */
@Entity
public class ActivityGrant extends PanacheEntityBase {

    @Id
    public UUID disbursementId;

    public UUID activityId;
    public UUID projectId;
    public UUID fundId;
    public UUID communityId;
    public long amountFen;
    public OffsetDateTime receivedAt;
}
