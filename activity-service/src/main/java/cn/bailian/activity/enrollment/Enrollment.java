package cn.bailian.activity.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A participant's place in an activity (with their guardian for a child), or their place in its waitlist. */
@Entity
public class Enrollment extends PanacheEntityBase {

    public enum Status { CONFIRMED, WAITLISTED, CANCELLED }

    public enum CancelReason { PARTICIPANT, STAFF, MOVED_OUT, ACTIVITY_CANCELLED }

    @Id
    public UUID id;
    public UUID activityId;
    public UUID communityId;
    public UUID participantId;
    public UUID guardianId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Long waitlistPosition;
    public String checkInCode;
    public String enrolledBy;
    @Enumerated(EnumType.STRING)
    public CancelReason cancelReason;
    public OffsetDateTime enrolledAt;
    public OffsetDateTime confirmedAt;
    public OffsetDateTime promotedAt;
    public OffsetDateTime cancelledAt;
    @Version
    public long version;

    public boolean live() {
        return status == Status.CONFIRMED || status == Status.WAITLISTED;
    }
}
