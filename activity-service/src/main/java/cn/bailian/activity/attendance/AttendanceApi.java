package cn.bailian.activity.attendance;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Request, response and event records of check-in. */
public final class AttendanceApi {

    private AttendanceApi() {}

    @Schema(description = "Exactly one of enrollmentId and code")
    public record CheckIn(
            UUID enrollmentId,

            @Size(max = 32) @Schema(description = "The enrollment's check-in code", example = "K7MQ2XRA")
            String code) {}

    public record AttendanceView(
            UUID id,
            UUID sessionId,
            UUID activityId,
            UUID enrollmentId,
            @Schema(description = "The participant") UUID residentId,
            @Schema(example = "CODE") Attendance.Method method,
            OffsetDateTime checkedInAt) {

        static AttendanceView of(Attendance a) {
            return new AttendanceView(
                    a.id, a.sessionId, a.activityId, a.enrollmentId, a.residentId, a.method, a.checkedInAt);
        }
    }

    /** {@code cn.bailian.activity.attendance.recorded.v1}; subject attendanceId. */
    public record AttendanceRecorded(
            UUID attendanceId,
            UUID sessionId,
            UUID activityId,
            UUID enrollmentId,
            UUID residentId,
            UUID guardianId,
            UUID communityId,
            OffsetDateTime checkedInAt) {}
}
