package cn.bailian.activity.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The activity's state machine alone, refused transitions included. Plain JUnit, no Quarkus. */
class ActivityTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-10T02:00:00Z");

    private static Activity in(Activity.Status status, boolean withSession) {
        Activity a = new Activity();
        a.id = UUID.randomUUID();
        a.status = status;
        a.firstSessionStartsAt = withSession ? NOW.plusDays(7) : null;
        a.enrollmentOpensAt = NOW.minusDays(1);
        a.enrollmentClosesAt = NOW.plusDays(1);
        return a;
    }

    private static void refused(Runnable transition, String code, int status) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(status);
        });
    }

    @Test
    void aDraftWithASessionIsPublished() {
        Activity a = in(Activity.Status.DRAFT, true);
        a.publish(NOW);
        assertThat(a.status).isEqualTo(Activity.Status.PUBLISHED);
        assertThat(a.publishedAt).isEqualTo(NOW);
    }

    @Test
    void publishingIsRefusedWithoutASessionOrTwice() {
        Activity empty = in(Activity.Status.DRAFT, false);
        refused(() -> empty.publish(NOW), "ACTIVITY_HAS_NO_SESSIONS", 422);
        assertThat(empty.status).isEqualTo(Activity.Status.DRAFT);
        Activity published = in(Activity.Status.PUBLISHED, true);
        refused(() -> published.publish(NOW), "ACTIVITY_NOT_DRAFT", 409);
        Activity cancelled = in(Activity.Status.CANCELLED, true);
        refused(() -> cancelled.publish(NOW), "ACTIVITY_NOT_DRAFT", 409);
        assertThat(cancelled.status).isEqualTo(Activity.Status.CANCELLED);
    }

    @Test
    void draftsAndPublishedActivitiesAreCancelledOnce() {
        for (Activity.Status s : new Activity.Status[] {Activity.Status.DRAFT, Activity.Status.PUBLISHED}) {
            Activity a = in(s, true);
            a.cancel(NOW);
            assertThat(a.status).isEqualTo(Activity.Status.CANCELLED);
            assertThat(a.cancelledAt).isEqualTo(NOW);
            refused(() -> a.cancel(NOW.plusMinutes(1)), "ACTIVITY_CANCELLED", 409);
            assertThat(a.cancelledAt).isEqualTo(NOW);
        }
    }

    @Test
    void enrollmentIsOpenWhilePublishedAndInsideItsWindow() {
        Activity a = in(Activity.Status.PUBLISHED, true);
        a.requireOpenForEnrollment(NOW);
        a.requireOpenForEnrollment(a.enrollmentOpensAt);
        refused(() -> a.requireOpenForEnrollment(a.enrollmentOpensAt.minusSeconds(1)), "ENROLLMENT_CLOSED", 422);
        refused(() -> a.requireOpenForEnrollment(a.enrollmentClosesAt), "ENROLLMENT_CLOSED", 422);
        refused(() -> in(Activity.Status.DRAFT, true).requireOpenForEnrollment(NOW), "ENROLLMENT_CLOSED", 422);
        refused(() -> in(Activity.Status.CANCELLED, true).requireOpenForEnrollment(NOW), "ACTIVITY_CANCELLED", 409);
    }
}
