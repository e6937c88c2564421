package cn.bailian.activity.activity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One meeting of an activity, holding its venue through a booking. */
@Entity
public class ActivitySession extends PanacheEntityBase {

    public enum Status {
        SCHEDULED,
        CANCELLED
    }

    @Id
    public UUID id;

    public UUID activityId;
    public UUID communityId;
    public UUID venueId;
    public UUID bookingId;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    public OffsetDateTime createdAt;

    @Version
    public long version;
}
