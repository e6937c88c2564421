package cn.bailian.activity.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A participant present at one session. */
@Entity
public class Attendance extends PanacheEntityBase {

    public enum Method {
        ENROLLMENT,
        CODE
    }

    @Id
    public UUID id;

    public UUID sessionId;
    public UUID activityId;
    public UUID enrollmentId;
    public UUID communityId;
    public UUID residentId;

    @Enumerated(EnumType.STRING)
    public Method method;

    public String recordedBy;
    public OffsetDateTime checkedInAt;
}
