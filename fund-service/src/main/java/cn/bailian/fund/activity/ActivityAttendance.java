package cn.bailian.fund.activity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** One check-in at a session of an activity, from activity-service's attendance.recorded events (no participant). */
@Entity
public class ActivityAttendance extends PanacheEntityBase {

    @Id
    public UUID attendanceId;

    public UUID activityId;
    public UUID sessionId;
    public UUID communityId;
    public Instant checkedInAt;
}
