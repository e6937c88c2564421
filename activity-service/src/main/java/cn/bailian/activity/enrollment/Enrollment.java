package cn.bailian.activity.enrollment;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A participant's place in an activity (with their guardian for a child), or their place in its waitlist. */
@Entity
public class Enrollment extends PanacheEntityBase {

    // The published OpenAPI names this enum Status2; the generated name depended on the order classes were scanned in
    @Schema(name = "Status2")
    public enum Status {
        CONFIRMED,
        WAITLISTED,
        CANCELLED
    }

    public enum CancelReason {
        PARTICIPANT,
        STAFF,
        MOVED_OUT,
        ACTIVITY_CANCELLED
    }

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

    // (new) → CONFIRMED or WAITLISTED; WAITLISTED → CONFIRMED (promoted); CONFIRMED or WAITLISTED → CANCELLED.

    /** A place is taken: a new enrollment, or the head of the waitlist promoted, gets its check-in code. */
    public void confirm(String code, OffsetDateTime now) {
        if (status != null && status != Status.WAITLISTED) {
            throw ProblemException.conflict("ENROLLMENT_NOT_ACTIVE", id, status.name());
        }
        boolean promoted = status == Status.WAITLISTED;
        status = Status.CONFIRMED;
        confirmedAt = now;
        checkInCode = code;
        if (promoted) {
            promotedAt = now;
        }
    }

    /** No place is left: a new enrollment joins the end of the line. */
    public void waitlist(long position) {
        if (status != null) {
            throw ProblemException.conflict("ENROLLMENT_NOT_ACTIVE", id, status.name());
        }
        status = Status.WAITLISTED;
        waitlistPosition = position;
    }

    /** A live enrollment is cancelled; whether it freed a place (it was confirmed) is the caller's to act on. */
    public boolean cancel(CancelReason reason, OffsetDateTime now) {
        if (!live()) {
            throw ProblemException.conflict("ENROLLMENT_NOT_ACTIVE", id, status == null ? "NEW" : status.name());
        }
        boolean freedPlace = status == Status.CONFIRMED;
        status = Status.CANCELLED;
        cancelReason = reason;
        cancelledAt = now;
        return freedPlace;
    }
}
