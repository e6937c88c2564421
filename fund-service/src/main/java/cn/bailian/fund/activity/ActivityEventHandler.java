package cn.bailian.fund.activity;

import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Attendance at activities, kept from activity-service's events so a project's trace can show the sessions held and
 * the people checked in at the activities it funded. The kit's inbox dedupes by event id; the row is keyed by the
 * attendance id, so the same check-in published again under another event id still counts once.
 */
@ApplicationScoped
public class ActivityEventHandler implements EventHandler {

    static final String TOPIC = "bailian.activity.events";
    static final String ATTENDANCE_RECORDED = "cn.bailian.activity.attendance.recorded.v1";

    /** The fields of the event's data this service uses; the participant and guardian are none of them. */
    record AttendanceRecorded(
            UUID attendanceId, UUID sessionId, UUID activityId, UUID communityId, OffsetDateTime checkedInAt) {}

    @Inject
    EntityManager em;

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ATTENDANCE_RECORDED);
    }

    @Override
    public void handle(CloudEvent event) {
        if (!ATTENDANCE_RECORDED.equals(event.type())) {
            return; // other types on the topic are not ours to apply
        }
        AttendanceRecorded a = event.dataAs(AttendanceRecorded.class);
        if (a.attendanceId() == null
                || a.sessionId() == null
                || a.activityId() == null
                || a.communityId() == null
                || a.checkedInAt() == null) {
            throw new IllegalArgumentException("attendance event without its ids or check-in time");
        }
        em.createNativeQuery("""
                        insert into activity_attendance (attendance_id, activity_id, session_id, community_id, checked_in_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (attendance_id) do nothing""")
                .setParameter(1, a.attendanceId())
                .setParameter(2, a.activityId())
                .setParameter(3, a.sessionId())
                .setParameter(4, a.communityId())
                .setParameter(5, a.checkedInAt().toInstant())
                .executeUpdate();
    }
}
