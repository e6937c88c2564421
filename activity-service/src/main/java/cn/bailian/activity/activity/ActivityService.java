package cn.bailian.activity.activity;

import cn.bailian.activity.ActivityEvents;
import cn.bailian.activity.booking.BookingService;
import cn.bailian.activity.booking.VenueBooking;
import cn.bailian.activity.resident.Organization;
import cn.bailian.activity.venue.Venue;
import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.time.CommunityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ActivityService {

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    BookingService bookings;

    @Inject
    Event<ActivityCancelled> cancelled;

    @Inject
    CommunityClock clock;

    /** Filters of the public list; all optional. */
    public record Filter(UUID communityId, Activity.Category category, Integer age, LocalDate from, LocalDate to) {}

    @Transactional
    public ActivityApi.ActivityView create(ActivityApi.CreateActivity r) {
        caller.requireStaffOf(r.communityId());
        long fee = r.feeFen() == null ? 0 : r.feeFen();
        if ((r.model() == Activity.Model.PUBLIC_WELFARE) != (fee == 0)) {
            throw ProblemException.unprocessable("FEE_INCONSISTENT", r.model().name(), fee);
        }
        if (r.minAge() != null && r.maxAge() != null && r.minAge() > r.maxAge()) {
            throw ProblemException.invalidField("maxAge", "Range", "must not be below minAge");
        }
        if (!r.enrollmentClosesAt().isAfter(r.enrollmentOpensAt())) {
            throw ProblemException.invalidField("enrollmentClosesAt", "After", "must be after enrollmentOpensAt");
        }
        if (r.providerOrganizationId() != null) {
            Organization provider = Organization.findById(r.providerOrganizationId());
            if (provider == null || !r.communityId().equals(provider.communityId)) {
                throw ProblemException.unprocessable("ORGANIZATION_NOT_FOUND", r.providerOrganizationId());
            }
        }
        Activity a = new Activity();
        a.id = UUID.randomUUID();
        a.communityId = r.communityId();
        a.title = r.title().strip();
        a.description = r.description();
        a.category = r.category();
        a.providerOrganizationId = r.providerOrganizationId();
        a.model = r.model();
        a.feeFen = fee;
        a.minAge = r.minAge();
        a.maxAge = r.maxAge();
        a.parentChild = r.parentChild();
        a.capacity = r.capacity();
        a.enrollmentOpensAt = r.enrollmentOpensAt();
        a.enrollmentClosesAt = r.enrollmentClosesAt();
        a.status = Activity.Status.DRAFT;
        a.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.persistAndFlush();
        return view(a);
    }

    @Transactional
    public ActivityApi.ActivityView get(UUID id) {
        return view(requireVisible(id));
    }

    @Transactional
    public ActivityApi.ActivityView publish(UUID id, String ifMatch) {
        Activity a = requireManaged(id);
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, a.version);
        }
        a.publish(OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        outbox.publish(
                ActivityEvents.ACTIVITY_PUBLISHED,
                a.id,
                new ActivityApi.ActivityPublished(
                        a.id,
                        a.communityId,
                        a.title,
                        a.category.name(),
                        a.model.name(),
                        a.feeFen,
                        a.providerOrganizationId,
                        a.minAge,
                        a.maxAge,
                        a.parentChild,
                        a.capacity,
                        a.firstSessionStartsAt));
        return view(a);
    }

    /** Cancels the activity: every live enrollment is cancelled and every session's venue slot freed. */
    @Transactional
    public ActivityApi.ActivityView cancel(UUID id, String ifMatch) {
        Activity a = requireManaged(id);
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, a.version);
        }
        a.requireNotCancelled();
        // the enrollment feature cancels the activity's enrollments, in this transaction (EnrollmentService)
        cancelled.fire(new ActivityCancelled(a));
        for (ActivitySession s : ActivitySession.<ActivitySession>list(
                "activityId = ?1 and status = ?2", a.id, ActivitySession.Status.SCHEDULED)) {
            s.status = ActivitySession.Status.CANCELLED;
            bookings.cancelForSession(s.bookingId);
        }
        a.cancel(OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        em.refresh(a);
        return view(a);
    }

    @Transactional
    public ActivityApi.SessionView addSession(UUID activityId, ActivityApi.CreateSession r) {
        Activity a = requireManaged(activityId);
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        a.requireNotCancelled();
        Venue venue = Venue.findById(r.venueId());
        if (venue == null || !venue.communityId.equals(a.communityId)) {
            throw ProblemException.unprocessable("VENUE_NOT_FOUND", r.venueId());
        }
        ActivitySession s = new ActivitySession();
        s.id = UUID.randomUUID();
        VenueBooking booking =
                bookings.bookForSession(venue, a.id, a.providerOrganizationId, s.id, r.startsAt(), r.endsAt());
        s.activityId = a.id;
        s.communityId = a.communityId;
        s.venueId = venue.id;
        s.bookingId = booking.id;
        s.startsAt = r.startsAt();
        s.endsAt = r.endsAt();
        s.status = ActivitySession.Status.SCHEDULED;
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.persistAndFlush();
        em.createNativeQuery("""
                        update activity set
                            first_session_starts_at = (select min(starts_at) from activity_session where activity_id = ?1 and status = ?2),
                            last_session_starts_at = (select max(starts_at) from activity_session where activity_id = ?1 and status = ?2)
                        where id = ?1""")
                .setParameter(1, a.id)
                .setParameter(2, ActivitySession.Status.SCHEDULED.name())
                .executeUpdate();
        return ActivityApi.SessionView.of(s);
    }

    @Transactional
    public List<ActivityApi.SessionView> sessions(UUID activityId) {
        Activity a = requireVisible(activityId);
        return ActivitySession.<ActivitySession>list("activityId = ?1 order by startsAt, id", a.id).stream()
                .map(ActivityApi.SessionView::of)
                .toList();
    }

    @Transactional
    public Page<ActivityApi.ActivityView> list(Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder("a.status = :published");
        Map<String, Object> params = new HashMap<>();
        params.put("published", Activity.Status.PUBLISHED);
        if (f.communityId() != null) {
            where.append(" and a.communityId = :community");
            params.put("community", f.communityId());
        }
        if (f.category() != null) {
            where.append(" and a.category = :category");
            params.put("category", f.category());
        }
        if (f.age() != null) {
            where.append(" and (a.minAge is null or a.minAge <= :age) and (a.maxAge is null or a.maxAge >= :age)");
            params.put("age", f.age());
        }
        if (f.from() != null) {
            where.append(" and a.lastSessionStartsAt >= :from");
            params.put("from", clock.offsetOf(clock.startOf(f.from())));
        }
        if (f.to() != null) {
            where.append(" and a.firstSessionStartsAt < :to");
            params.put("to", clock.offsetOf(clock.startOf(f.to().plusDays(1))));
        }
        TypedQuery<Activity> query = em.createQuery(
                "select a from Activity a where " + where
                        + " order by a.firstSessionStartsAt nulls last, a.title, a.id",
                Activity.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from Activity a where " + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Activity> items =
                query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<UUID, Long> funded = fundedTotals(items.stream().map(a -> a.id).toList());
        Map<UUID, String> providers = providerNames(items);
        return page.page(
                items.stream()
                        .map(a -> ActivityApi.ActivityView.of(
                                a, providers.get(a.providerOrganizationId), funded.getOrDefault(a.id, 0L)))
                        .toList(),
                count.getSingleResult());
    }

    /** The activity as its staff, provider or the public may see it: drafts only to staff and provider. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Activity requireVisible(UUID id) {
        Activity a = Activity.findById(id);
        if (a == null
                || (a.status == Activity.Status.DRAFT
                        && !caller.isStaffOf(a.communityId)
                        && !caller.isOrganization(a.providerOrganizationId))) {
            throw ProblemException.notFound("ACTIVITY_NOT_FOUND", id);
        }
        return a;
    }

    /** The activity, for its community's staff to change. */
    private Activity requireManaged(UUID id) {
        caller.requireAuthenticated();
        Activity a = Activity.findById(id);
        if (a == null) {
            throw ProblemException.notFound("ACTIVITY_NOT_FOUND", id);
        }
        caller.requireStaffOf(a.communityId);
        return a;
    }

    ActivityApi.ActivityView view(Activity a) {
        String provider = null;
        if (a.providerOrganizationId != null) {
            Organization o = Organization.findById(a.providerOrganizationId);
            provider = o == null ? null : o.name;
        }
        return ActivityApi.ActivityView.of(
                a, provider, fundedTotals(List.of(a.id)).getOrDefault(a.id, 0L));
    }

    private Map<UUID, Long> fundedTotals(List<UUID> ids) {
        Map<UUID, Long> totals = new HashMap<>();
        if (ids.isEmpty()) {
            return totals;
        }
        em.createQuery(
                        "select g.activityId, sum(g.amountFen) from ActivityGrant g where g.activityId in :ids group by g.activityId",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> totals.put((UUID) row[0], ((Number) row[1]).longValue()));
        return totals;
    }

    private Map<UUID, String> providerNames(List<Activity> items) {
        List<UUID> ids = items.stream()
                .map(a -> a.providerOrganizationId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            Organization.<Organization>list("id in ?1", ids).forEach(o -> names.put(o.id, o.name));
        }
        return names;
    }
}
