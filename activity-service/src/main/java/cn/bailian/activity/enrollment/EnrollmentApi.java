package cn.bailian.activity.enrollment;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Request, response and event records of enrollments. */
public final class EnrollmentApi {

    private EnrollmentApi() {}

    public record Enrol(
            @NotNull
            @Schema(
                    description = "The resident who takes part (the child, for a parent-child course)",
                    example = "0b7f7c1e-5d7a-4b53-8f0e-2c9a1d3e4f50")
            UUID participantId,

            @Schema(
                    description =
                            "Required for a minor participant and for parent-child activities: a guardian linked to the child",
                    example = "9a3c2b1d-7e6f-4a5b-8c9d-0e1f2a3b4c5d")
            UUID guardianId) {}

    public record EnrollmentView(
            UUID id,
            UUID activityId,
            UUID communityId,
            UUID participantId,
            UUID guardianId,
            @Schema(example = "CONFIRMED") Enrollment.Status status,

            @Schema(description = "Order in the activity's waitlist (set when waitlisted)", example = "3")
            Long waitlistPosition,

            @Schema(description = "Shown at check-in; set once confirmed", example = "K7MQ2XRA")
            String checkInCode,

            Enrollment.CancelReason cancelReason,
            OffsetDateTime enrolledAt,
            OffsetDateTime confirmedAt,
            OffsetDateTime promotedAt,
            OffsetDateTime cancelledAt,
            long version) {

        public static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(
                    e.id,
                    e.activityId,
                    e.communityId,
                    e.participantId,
                    e.guardianId,
                    e.status,
                    e.waitlistPosition,
                    e.checkInCode,
                    e.cancelReason,
                    e.enrolledAt,
                    e.confirmedAt,
                    e.promotedAt,
                    e.cancelledAt,
                    e.version);
        }
    }

    /**
     * Data of {@code cn.bailian.activity.enrollment.confirmed|waitlisted|cancelled|promoted.v1}; subject
     * enrollmentId. {@code residentId} is the participant.
     */
    public record EnrollmentEvent(
            UUID enrollmentId,
            UUID activityId,
            UUID residentId,
            UUID guardianId,
            UUID communityId,
            String status,
            Long waitlistPosition,
            String reason) {

        static EnrollmentEvent of(Enrollment e) {
            return new EnrollmentEvent(
                    e.id,
                    e.activityId,
                    e.participantId,
                    e.guardianId,
                    e.communityId,
                    e.status.name(),
                    e.waitlistPosition,
                    e.cancelReason == null ? null : e.cancelReason.name());
        }
    }
}
