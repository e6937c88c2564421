package cn.bailian.activity.enrollment;

import cn.bailian.activity.ActivityEvents;
import cn.bailian.activity.activity.Activity;
import cn.bailian.activity.activity.ActivityCancelled;
import cn.bailian.activity.resident.GuardianLink;
import cn.bailian.activity.resident.Resident;
import cn.bailian.activity.resident.ResidentMovedOut;
import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.time.CommunityClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

@ApplicationScoped
public class EnrollmentService {

    public static final int ADULT_AGE = 18;

    // no 0/O, 1/I/L: the code is read aloud and typed at the door
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    CommunityClock clock;

    /**
     * Enrols a participant: CONFIRMED while places are left, else WAITLISTED at the end of the line. All
     * enrollments of one activity queue on its row lock, so places and waitlist positions follow arrival;
     * the trigger-kept counter and its check constraint refuse any overbooking the Java might attempt.
     */
    @Transactional
    public EnrollmentApi.EnrollmentView enrol(UUID activityId, EnrollmentApi.Enrol request) {
        caller.requireAuthenticated();
        Activity activity = Activity.findById(activityId);
        if (activity == null || (activity.status == Activity.Status.DRAFT && !caller.isStaffOf(activity.communityId))) {
            throw ProblemException.notFound("ACTIVITY_NOT_FOUND", activityId);
        }
        UUID participantId = request.participantId();
        UUID guardianId = request.guardianId();
        if (!caller.isResident(participantId)
                && !caller.isResident(guardianId)
                && !caller.isStaffOf(activity.communityId)) {
            throw ProblemException.forbidden();
        }
        Resident participant = Resident.findById(participantId);
        if (participant == null || !participant.activeIn(activity.communityId)) {
            throw ProblemException.unprocessable("RESIDENT_NOT_ELIGIBLE", participantId);
        }
        LocalDate ageDay = activity.firstSessionStartsAt == null
                ? clock.today()
                : clock.dateOf(activity.firstSessionStartsAt.toInstant());
        OptionalInt age = participant.ageOn(ageDay);
        if (age.isEmpty()) {
            throw ProblemException.unprocessable("RESIDENT_NOT_ELIGIBLE", participantId);
        }
        if ((activity.minAge != null && age.getAsInt() < activity.minAge)
                || (activity.maxAge != null && age.getAsInt() > activity.maxAge)) {
            throw ProblemException.unprocessable("AGE_OUT_OF_RANGE", age.getAsInt(), range(activity));
        }
        boolean guardianNeeded = activity.parentChild || age.getAsInt() < ADULT_AGE;
        if (guardianNeeded || guardianId != null) {
            Resident guardian = guardianId == null ? null : Resident.findById(guardianId);
            if (guardian == null
                    || !Resident.ACTIVE.equals(guardian.status)
                    || !GuardianLink.exists(participantId, guardianId)) {
                throw ProblemException.unprocessable("GUARDIAN_REQUIRED", participantId);
            }
        }

        em.refresh(activity, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        activity.requireOpenForEnrollment(now);
        if (Enrollment.count(
                        "activityId = ?1 and participantId = ?2 and status in ?3",
                        activityId,
                        participantId,
                        List.of(Enrollment.Status.CONFIRMED, Enrollment.Status.WAITLISTED))
                > 0) {
            throw ProblemException.conflict("ALREADY_ENROLLED", participantId);
        }
        Enrollment e = new Enrollment();
        e.id = UUID.randomUUID();
        e.activityId = activityId;
        e.communityId = activity.communityId;
        e.participantId = participantId;
        e.guardianId = guardianId;
        e.enrolledBy = caller.subject();
        e.enrolledAt = now;
        if (activity.confirmedCount < activity.capacity) {
            confirm(e, activity);
        } else {
            e.waitlist(nextWaitlistPosition(activityId));
        }
        try {
            e.persistAndFlush();
        } catch (PersistenceException ex) {
            if (Constraints.violated(ex, "enrollment_one_live")) {
                throw ProblemException.conflict("ALREADY_ENROLLED", participantId);
            }
            throw ex;
        }
        outbox.publish(
                e.status == Enrollment.Status.CONFIRMED
                        ? ActivityEvents.ENROLLMENT_CONFIRMED
                        : ActivityEvents.ENROLLMENT_WAITLISTED,
                e.id,
                EnrollmentApi.EnrollmentEvent.of(e));
        return EnrollmentApi.EnrollmentView.of(e);
    }

    /** Cancels an enrollment (also a waitlisted one); a freed place goes to the head of the waitlist. */
    @Transactional
    public EnrollmentApi.EnrollmentView cancel(UUID id) {
        caller.requireAuthenticated();
        Enrollment e = requireReadable(id);
        boolean own = caller.isResident(e.participantId) || caller.isResident(e.guardianId);
        Activity activity = Activity.findById(e.activityId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(e);
        cancel(e, activity, own ? Enrollment.CancelReason.PARTICIPANT : Enrollment.CancelReason.STAFF, true);
        return EnrollmentApi.EnrollmentView.of(e);
    }

    @Transactional
    public EnrollmentApi.EnrollmentView get(UUID id) {
        caller.requireAuthenticated();
        return EnrollmentApi.EnrollmentView.of(requireReadable(id));
    }

    /** A resident's enrollments, as participant or as guardian. */
    @Transactional
    public Page<EnrollmentApi.EnrollmentView> ofResident(UUID residentId, PageRequest page) {
        caller.requireAuthenticated();
        if (!caller.isResident(residentId)) {
            Resident resident = Resident.findById(residentId);
            if (!caller.isStaffOf(resident == null ? null : resident.communityId)) {
                throw ProblemException.forbidden();
            }
        }
        var query = Enrollment.<Enrollment>find(
                "participantId = ?1 or guardianId = ?1",
                Sort.by("enrolledAt").descending().and("id"),
                residentId);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(EnrollmentApi.EnrollmentView::of)
                        .toList(),
                query.count());
    }

    /** An activity's enrollments, for its staff and provider, grouped by status, the waitlist in its order. */
    @Transactional
    public Page<EnrollmentApi.EnrollmentView> ofActivity(UUID activityId, Enrollment.Status status, PageRequest page) {
        Activity activity = Activity.findById(activityId);
        if (activity == null) {
            throw ProblemException.notFound("ACTIVITY_NOT_FOUND", activityId);
        }
        caller.requireStaffOrOrganization(activity.communityId, activity.providerOrganizationId);
        String where = status == null ? "activityId = ?1" : "activityId = ?1 and status = ?2";
        Object[] params = status == null ? new Object[] {activityId} : new Object[] {activityId, status};
        var query = Enrollment.<Enrollment>find(
                where,
                Sort.by("status").and("waitlistPosition").and("enrolledAt").and("id"),
                params);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(EnrollmentApi.EnrollmentView::of)
                        .toList(),
                query.count());
    }

    /**
     * A resident who moved out loses their places in activities that have not yet ended (sessions still
     * ahead, or none scheduled yet); each freed place is offered to the waitlist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void cancelFutureForMoveOut(@Observes ResidentMovedOut movedOut) {
        UUID residentId = movedOut.residentId();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        select e.id from enrollment e join activity a on a.id = e.activity_id
                        where e.participant_id = ?1 and e.status in (?2, ?3) and a.status <> ?4
                          and (a.last_session_starts_at is null or a.last_session_starts_at > now())
                        order by a.id""")
                .setParameter(1, residentId)
                .setParameter(2, Enrollment.Status.CONFIRMED.name())
                .setParameter(3, Enrollment.Status.WAITLISTED.name())
                .setParameter(4, Activity.Status.CANCELLED.name())
                .getResultList();
        for (Object id : ids) {
            Enrollment e = Enrollment.findById(id instanceof UUID u ? u : UUID.fromString(id.toString()));
            // same lock order as every other path: the activity row first, then its enrollments
            Activity activity = Activity.findById(e.activityId, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(e);
            if (e.live()) {
                cancel(e, activity, Enrollment.CancelReason.MOVED_OUT, activity.status == Activity.Status.PUBLISHED);
            }
        }
    }

    /** Every live enrollment of an activity being cancelled; the canceller holds the activity's row lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    void cancelAllOf(@Observes ActivityCancelled cancelled) {
        Activity activity = cancelled.activity();
        for (Enrollment e : Enrollment.<Enrollment>list(
                "activityId = ?1 and status in ?2 order by enrolledAt, id",
                activity.id,
                List.of(Enrollment.Status.CONFIRMED, Enrollment.Status.WAITLISTED))) {
            cancel(e, activity, Enrollment.CancelReason.ACTIVITY_CANCELLED, false);
        }
    }

    private void cancel(Enrollment e, Activity activity, Enrollment.CancelReason reason, boolean promote) {
        boolean freedPlace = e.cancel(reason, OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        outbox.publish(ActivityEvents.ENROLLMENT_CANCELLED, e.id, EnrollmentApi.EnrollmentEvent.of(e));
        if (freedPlace && promote) {
            promoteHead(activity);
        }
    }

    private void promoteHead(Activity activity) {
        List<Enrollment> head = Enrollment.<Enrollment>find(
                        "activityId = ?1 and status = ?2",
                        Sort.by("waitlistPosition"),
                        activity.id,
                        Enrollment.Status.WAITLISTED)
                .page(0, 1)
                .list();
        if (head.isEmpty()) {
            return;
        }
        Enrollment next = head.get(0);
        confirm(next, activity);
        em.flush();
        outbox.publish(ActivityEvents.ENROLLMENT_PROMOTED, next.id, EnrollmentApi.EnrollmentEvent.of(next));
    }

    private void confirm(Enrollment e, Activity activity) {
        // the code first: its uniqueness query flushes, and a CONFIRMED row without a code breaks a check
        String code = uniqueCode(activity.id);
        e.confirm(code, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Called under the activity's row lock, so the check cannot race with another enrollment's code. */
    private static String uniqueCode(UUID activityId) {
        while (true) {
            char[] code = new char[CODE_LENGTH];
            for (int i = 0; i < code.length; i++) {
                code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
            }
            String candidate = new String(code);
            if (Enrollment.count("activityId = ?1 and checkInCode = ?2", activityId, candidate) == 0) {
                return candidate;
            }
        }
    }

    private long nextWaitlistPosition(UUID activityId) {
        return ((Number) em.createNativeQuery(
                                "update activity set waitlist_seq = waitlist_seq + 1 where id = ?1 returning waitlist_seq")
                        .setParameter(1, activityId)
                        .getSingleResult())
                .longValue();
    }

    /** The enrollment, for its participant, guardian, the activity's staff or provider. */
    private Enrollment requireReadable(UUID id) {
        Enrollment e = Enrollment.findById(id);
        if (e == null) {
            throw ProblemException.notFound("ENROLLMENT_NOT_FOUND", id);
        }
        if (!caller.isResident(e.participantId)
                && !caller.isResident(e.guardianId)
                && !caller.isStaffOf(e.communityId)) {
            Activity activity = Activity.findById(e.activityId);
            if (!caller.isOrganization(activity.providerOrganizationId)) {
                throw ProblemException.forbidden();
            }
        }
        return e;
    }

    private static String range(Activity a) {
        return (a.minAge == null ? "0" : a.minAge.toString()) + "–" + (a.maxAge == null ? "∞" : a.maxAge.toString());
    }
}
