package cn.bailian.resident.participation;

import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** Enrollments, attendance and venue bookings of a resident on the participation record. */
@ApplicationScoped
public class ActivityEventHandler implements EventHandler {

    @Inject
    ParticipationRecorder recorder;

    @Override
    public String topic() {
        return "bailian.activity.events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(
                "cn.bailian.activity.enrollment.confirmed.v1",
                "cn.bailian.activity.enrollment.promoted.v1",
                "cn.bailian.activity.attendance.recorded.v1",
                "cn.bailian.activity.venue.booked.v1");
    }

    @Override
    public void handle(CloudEvent event) {
        recorder.record(event, null, ParticipationRecorder.text(event.data(), "activityId"));
    }
}
