package cn.bailian.fund.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the attendance projection: per session of an activity, its first check-in and how many were checked in. */
@ApplicationScoped
public class AttendanceCounts {

    /** A session someone was checked in to: a session held. */
    public record SessionHeld(UUID sessionId, Instant firstCheckInAt, long attendance) {}

    @Inject
    EntityManager em;

    /** The sessions of an activity with at least one check-in, in the order they were held. */
    public List<SessionHeld> sessionsHeld(UUID activityId) {
        return em.createQuery("""
                        select a.sessionId, min(a.checkedInAt), count(a) from ActivityAttendance a
                        where a.activityId = :activity group by a.sessionId order by min(a.checkedInAt), a.sessionId""", Object[].class).setParameter("activity", activityId).getResultList().stream()
                .map(r -> new SessionHeld((UUID) r[0], (Instant) r[1], ((Number) r[2]).longValue()))
                .toList();
    }
}
