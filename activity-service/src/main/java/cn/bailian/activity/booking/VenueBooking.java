package cn.bailian.activity.booking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A time slot of a venue held by a resident, an organisation, or an activity's session. */
@Entity
public class VenueBooking extends PanacheEntityBase {

    public enum HolderKind { RESIDENT, ORGANIZATION, ACTIVITY }

    public enum Status { BOOKED, CHECKED_IN, CANCELLED, RELEASED }

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
}
