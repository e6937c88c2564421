package cn.bailian.activity.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The enrollment's state machine alone, refused transitions included. Plain JUnit, no Quarkus. */
class EnrollmentTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-10T02:00:00Z");

    private static Enrollment in(Enrollment.Status status) {
        Enrollment e = new Enrollment();
        e.id = UUID.randomUUID();
        e.status = status;
        return e;
    }

    private static void refused(Runnable transition) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.code()).isEqualTo("ENROLLMENT_NOT_ACTIVE");
            assertThat(e.status()).isEqualTo(409);
        });
    }

    @Test
    void aNewEnrollmentIsConfirmedWithItsCode() {
        Enrollment e = in(null);
        e.confirm("ABCD2345", NOW);
        assertThat(e.status).isEqualTo(Enrollment.Status.CONFIRMED);
        assertThat(e.checkInCode).isEqualTo("ABCD2345");
        assertThat(e.confirmedAt).isEqualTo(NOW);
        assertThat(e.promotedAt).isNull();
    }

    @Test
    void theHeadOfTheWaitlistIsPromoted() {
        Enrollment e = in(Enrollment.Status.WAITLISTED);
        e.confirm("ABCD2345", NOW);
        assertThat(e.status).isEqualTo(Enrollment.Status.CONFIRMED);
        assertThat(e.promotedAt).isEqualTo(NOW);
    }

    @Test
    void confirmationIsRefusedForConfirmedOrCancelledEnrollments() {
        Enrollment confirmed = in(Enrollment.Status.CONFIRMED);
        refused(() -> confirmed.confirm("X", NOW));
        Enrollment cancelled = in(Enrollment.Status.CANCELLED);
        refused(() -> cancelled.confirm("X", NOW));
        assertThat(cancelled.status).isEqualTo(Enrollment.Status.CANCELLED);
        assertThat(cancelled.checkInCode).isNull();
    }

    @Test
    void aNewEnrollmentJoinsTheWaitlistOnlyOnce() {
        Enrollment e = in(null);
        e.waitlist(4);
        assertThat(e.status).isEqualTo(Enrollment.Status.WAITLISTED);
        assertThat(e.waitlistPosition).isEqualTo(4);
        refused(() -> e.waitlist(5));
        assertThat(e.waitlistPosition).isEqualTo(4);
    }

    @Test
    void cancellingAConfirmedEnrollmentFreesAPlaceAWaitlistedOneDoesNot() {
        Enrollment confirmed = in(Enrollment.Status.CONFIRMED);
        assertThat(confirmed.cancel(Enrollment.CancelReason.PARTICIPANT, NOW)).isTrue();
        assertThat(confirmed.status).isEqualTo(Enrollment.Status.CANCELLED);
        assertThat(confirmed.cancelReason).isEqualTo(Enrollment.CancelReason.PARTICIPANT);
        assertThat(confirmed.cancelledAt).isEqualTo(NOW);
        Enrollment waitlisted = in(Enrollment.Status.WAITLISTED);
        assertThat(waitlisted.cancel(Enrollment.CancelReason.MOVED_OUT, NOW)).isFalse();
    }

    @Test
    void aCancelledEnrollmentIsNotCancelledAgain() {
        Enrollment e = in(Enrollment.Status.CANCELLED);
        e.cancelReason = Enrollment.CancelReason.STAFF;
        refused(() -> e.cancel(Enrollment.CancelReason.PARTICIPANT, NOW));
        assertThat(e.cancelReason).isEqualTo(Enrollment.CancelReason.STAFF);
    }
}
