package cn.bailian.activity.booking;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A time slot of a venue held by a resident, an organisation, or an activity's session. */
@Entity
public class VenueBooking extends PanacheEntityBase {

    public enum HolderKind {
        RESIDENT,
        ORGANIZATION,
        ACTIVITY
    }

    // The published OpenAPI names this enum Status3; the generated name depended on the order classes were scanned in
    @Schema(name = "Status3")
    public enum Status {
        BOOKED,
        CHECKED_IN,
        CANCELLED,
        RELEASED
    }

    @Id
    public UUID id;

    public UUID venueId;
    public UUID communityId;

    @Enumerated(EnumType.STRING)
    public HolderKind holderKind;

    public UUID residentId;
    public UUID organizationId;
    public UUID activityId;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
    public String purpose;
    public Integer attendees;

    @Enumerated(EnumType.STRING)
    public Status status;

    public OffsetDateTime checkedInAt;
    public OffsetDateTime closedAt;
    public OffsetDateTime createdAt;

    @Version
    public long version;

    // BOOKED → CHECKED_IN or CANCELLED, or RELEASED when nobody checked in (BookingService.releaseNoShows);
    // a session's booking is given up only with its session.

    /** The holder cancels a booking they have not started using: the slot is free again. */
    public void cancel(OffsetDateTime now) {
        requireHolderBookingInUse();
        status = Status.CANCELLED;
        closedAt = now;
    }

    /** The holder checks in within {@code [opens, closes)}. */
    public void checkIn(OffsetDateTime now, Instant opens, Instant closes) {
        requireHolderBookingInUse();
        if (now.toInstant().isBefore(opens) || !now.toInstant().isBefore(closes)) {
            throw ProblemException.unprocessable(
                    "CHECK_IN_NOT_OPEN", opens.atOffset(ZoneOffset.UTC), closes.atOffset(ZoneOffset.UTC));
        }
        status = Status.CHECKED_IN;
        checkedInAt = now;
    }

    /** A session that no longer takes place frees its slot; a booking already closed stays as it is. */
    public void freeForCancelledSession(OffsetDateTime now) {
        if (status == Status.BOOKED || status == Status.CHECKED_IN) {
            status = Status.CANCELLED;
            closedAt = now;
        }
    }

    /** Cancel and check-in act on a resident's or organisation's live booking, not on a session's. */
    private void requireHolderBookingInUse() {
        if (holderKind == HolderKind.ACTIVITY) {
            throw ProblemException.conflict("BOOKING_HELD_BY_SESSION", id);
        }
        if (status != Status.BOOKED) {
            throw ProblemException.conflict("BOOKING_NOT_ACTIVE", id, status.name());
        }
    }
}
