package cn.bailian.activity.booking;

import cn.bailian.activity.ActivityConfig;
import cn.bailian.activity.ActivityEvents;
import cn.bailian.activity.resident.Organization;
import cn.bailian.activity.resident.Resident;
import cn.bailian.activity.resident.ResidentMovedOut;
import cn.bailian.activity.venue.OpeningHours;
import cn.bailian.activity.venue.Venue;
import cn.bailian.activity.venue.VenueService;
import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.time.CommunityClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
public class BookingService {

    private static final Logger LOG = Logger.getLogger(BookingService.class);

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    ActivityConfig config;

    @Inject
    CommunityClock clock;

    @Inject
    EntityManager em;

    @Transactional
    public BookingApi.BookingView book(UUID venueId, BookingApi.CreateBooking request) {
        if ((request.residentId() == null) == (request.organizationId() == null)) {
            throw ProblemException.invalidField(
                    "residentId", "OneOf", "give exactly one of residentId and organizationId");
        }
        Venue venue = VenueService.require(venueId);
        VenueBooking booking = new VenueBooking();
        if (request.residentId() != null) {
            caller.requireAuthenticated();
            if (!caller.isResident(request.residentId()) && !caller.isStaffOf(venue.communityId)) {
                throw ProblemException.forbidden();
            }
            Resident resident = Resident.findById(request.residentId());
            if (resident == null || !resident.activeIn(venue.communityId)) {
                throw ProblemException.unprocessable("RESIDENT_NOT_ELIGIBLE", request.residentId());
            }
            booking.holderKind = VenueBooking.HolderKind.RESIDENT;
            booking.residentId = request.residentId();
        } else {
            caller.requireAuthenticated();
            if (!caller.isStaffOf(venue.communityId) && !caller.isOrganization(request.organizationId())) {
                throw ProblemException.forbidden();
            }
            Organization organization = Organization.findById(request.organizationId());
            if (organization == null || !venue.communityId.equals(organization.communityId)) {
                throw ProblemException.unprocessable("ORGANIZATION_NOT_FOUND", request.organizationId());
            }
            booking.holderKind = VenueBooking.HolderKind.ORGANIZATION;
            booking.organizationId = request.organizationId();
        }
        if (request.attendees() != null && request.attendees() > venue.capacity) {
            throw ProblemException.unprocessable("VENUE_CAPACITY_EXCEEDED", request.attendees(), venue.capacity);
        }
        booking.purpose = request.purpose();
        booking.attendees = request.attendees();
        insert(venue, booking, request.startsAt(), request.endsAt(), null);
        return BookingApi.BookingView.of(booking);
    }

    /**
     * Holds the venue for an activity's session. Same rules as any booking: in the future, within opening
     * hours, no overlap (the exclusion constraint decides races).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public VenueBooking bookForSession(
            Venue venue,
            UUID activityId,
            UUID providerOrganizationId,
            UUID sessionId,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt) {
        VenueBooking booking = new VenueBooking();
        booking.holderKind = VenueBooking.HolderKind.ACTIVITY;
        booking.activityId = activityId;
        booking.organizationId = providerOrganizationId;
        booking.purpose = "activity session";
        insert(venue, booking, startsAt, endsAt, sessionId);
        return booking;
    }

    private void insert(
            Venue venue, VenueBooking booking, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID sessionId) {
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalidField("endsAt", "After", "must be after startsAt");
        }
        if (!startsAt.toInstant().isAfter(Instant.now())) {
            throw ProblemException.unprocessable("BOOKING_IN_PAST", startsAt);
        }
        if (!OpeningHours.covers(venue.openingHours, startsAt.toInstant(), endsAt.toInstant(), clock)) {
            throw ProblemException.unprocessable("OUTSIDE_OPENING_HOURS", venue.name);
        }
        booking.id = UUID.randomUUID();
        booking.venueId = venue.id;
        booking.communityId = venue.communityId;
        booking.startsAt = startsAt;
        booking.endsAt = endsAt;
        booking.status = VenueBooking.Status.BOOKED;
        booking.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            booking.persistAndFlush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "venue_booking_no_overlap")) {
                throw ProblemException.conflict("BOOKING_OVERLAP", venue.name);
            }
            throw e;
        }
        outbox.publish(
                ActivityEvents.VENUE_BOOKED,
                booking.id,
                new BookingApi.VenueBooked(
                        booking.id,
                        venue.id,
                        venue.communityId,
                        booking.holderKind.name(),
                        booking.residentId,
                        booking.organizationId,
                        booking.activityId,
                        sessionId,
                        startsAt,
                        endsAt));
    }

    /**
     * The live bookings of a venue on the community's days {@code first} to {@code last} (both inclusive, at most 31
     * days; default the next 7 days from today), in time order, without their holders.
     */
    @Transactional
    public cn.bailian.kit.paging.Page<BookingApi.Slot> taken(
            UUID venueId, LocalDate first, LocalDate last, cn.bailian.kit.paging.PageRequest page) {
        if (first == null) {
            first = clock.today();
        }
        if (last == null) {
            last = first.plusDays(6);
        }
        if (last.isBefore(first) || last.isAfter(first.plusDays(30))) {
            throw ProblemException.invalidField("to", "Range", "must be from `from` to 30 days after it");
        }
        OffsetDateTime from = clock.offsetOf(clock.startOf(first));
        OffsetDateTime to = clock.offsetOf(clock.startOf(last.plusDays(1)));
        VenueService.require(venueId);
        var query = VenueBooking.<VenueBooking>find(
                "venueId = ?1 and status in ?2 and startsAt < ?3 and endsAt > ?4",
                io.quarkus.panache.common.Sort.by("startsAt").and("id"),
                venueId,
                java.util.List.of(VenueBooking.Status.BOOKED, VenueBooking.Status.CHECKED_IN),
                to,
                from);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(b -> new BookingApi.Slot(b.startsAt, b.endsAt, b.holderKind))
                        .toList(),
                query.count());
    }

    @Transactional
    public BookingApi.BookingView get(UUID id) {
        VenueBooking booking = require(id, LockModeType.NONE);
        requireHolderOrStaff(booking);
        return BookingApi.BookingView.of(booking);
    }

    @Transactional
    public BookingApi.BookingView cancel(UUID id) {
        VenueBooking booking = require(id, LockModeType.PESSIMISTIC_WRITE);
        requireHolderOrStaff(booking);
        booking.cancel(OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        return BookingApi.BookingView.of(booking);
    }

    @Transactional
    public BookingApi.BookingView checkIn(UUID id) {
        VenueBooking booking = require(id, LockModeType.PESSIMISTIC_WRITE);
        requireHolderOrStaff(booking);
        booking.checkIn(
                OffsetDateTime.now(ZoneOffset.UTC),
                booking.startsAt.toInstant().minus(config.checkInOpensBefore()),
                booking.startsAt.toInstant().plus(config.noShowGrace()));
        em.flush();
        return BookingApi.BookingView.of(booking);
    }

    /**
     * Releases every booking not checked in within the grace period after its start (sessions are exempt:
     * their participants check in per enrollment). One statement, so concurrent runs on several replicas
     * release each booking once.
     *
     * @return how many bookings were released
     */
    @Transactional
    public int releaseNoShows(Instant now) {
        return em.createNativeQuery("""
                        update venue_booking set status = ?3, closed_at = ?1, version = version + 1
                        where status = ?4 and holder_kind <> ?5 and starts_at <= ?2""")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, now.minus(config.noShowGrace()).atOffset(ZoneOffset.UTC))
                .setParameter(3, VenueBooking.Status.RELEASED.name())
                .setParameter(4, VenueBooking.Status.BOOKED.name())
                .setParameter(5, VenueBooking.HolderKind.ACTIVITY.name())
                .executeUpdate();
    }

    @Scheduled(
            every = "${activity.no-show-scan-interval}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scanNoShows() {
        int released = releaseNoShows(Instant.now());
        if (released > 0) {
            LOG.infof("released %d venue bookings nobody checked in to", released);
        }
    }

    /** A resident who moved out no longer holds their future bookings. */
    @Transactional(Transactional.TxType.MANDATORY)
    void cancelFutureForMoveOut(@Observes ResidentMovedOut movedOut) {
        em.createNativeQuery("""
                        update venue_booking set status = ?2, closed_at = now(), version = version + 1
                        where resident_id = ?1 and status = ?3 and starts_at > now()""")
                .setParameter(1, movedOut.residentId())
                .setParameter(2, VenueBooking.Status.CANCELLED.name())
                .setParameter(3, VenueBooking.Status.BOOKED.name())
                .executeUpdate();
    }

    /** Frees the slot of a session that no longer takes place. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelForSession(UUID bookingId) {
        VenueBooking booking = VenueBooking.findById(bookingId, LockModeType.PESSIMISTIC_WRITE);
        if (booking != null) {
            booking.freeForCancelledSession(OffsetDateTime.now(ZoneOffset.UTC));
        }
    }

    private static VenueBooking require(UUID id, LockModeType lock) {
        VenueBooking booking = VenueBooking.findById(id, lock);
        if (booking == null) {
            throw ProblemException.notFound("BOOKING_NOT_FOUND", id);
        }
        return booking;
    }

    private void requireHolderOrStaff(VenueBooking booking) {
        caller.requireAuthenticated();
        boolean holder = (booking.residentId != null && caller.isResident(booking.residentId))
                || (booking.organizationId != null && caller.isOrganization(booking.organizationId));
        if (!holder && !caller.isStaffOf(booking.communityId)) {
            throw ProblemException.forbidden();
        }
    }
}
