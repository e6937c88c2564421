package cn.bailian.farm.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** A waitlist entry's state machine, without Quarkus. */
class WaitlistEntryTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    private static WaitlistEntry waiting() {
        WaitlistEntry entry = new WaitlistEntry();
        entry.id = UUID.randomUUID();
        entry.status = WaitlistEntry.Status.WAITING;
        return entry;
    }

    @Test
    void aWaitingEntryIsOfferedAndKeepsItsPlace() {
        WaitlistEntry entry = waiting();
        entry.offered();
        assertThat(entry.status).isEqualTo(WaitlistEntry.Status.OFFERED);
        assertThat(entry.onList()).isTrue();
    }

    @Test
    void anOfferedEntryIsNotOfferedAgain() {
        WaitlistEntry entry = waiting();
        entry.offered();
        assertThatThrownBy(entry::offered).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachReasonEndsInItsStatus() {
        for (WaitlistEntry.EndReason reason : WaitlistEntry.EndReason.values()) {
            WaitlistEntry entry = waiting();
            entry.end(reason, NOW);
            assertThat(entry.onList()).isFalse();
            assertThat(entry.endReason).isEqualTo(reason);
            assertThat(entry.endedAt.toInstant()).isEqualTo(NOW);
            assertThat(entry.status)
                    .isEqualTo(
                            switch (reason) {
                                case CLAIMED -> WaitlistEntry.Status.CLAIMED;
                                case LEFT -> WaitlistEntry.Status.LEFT;
                                case DECLINED, LAPSED, NOT_ELIGIBLE, MOVED_OUT -> WaitlistEntry.Status.REMOVED;
                            });
        }
    }

    @Test
    void anEntryOffTheListDoesNotLeaveAgain() {
        WaitlistEntry entry = waiting();
        entry.end(WaitlistEntry.EndReason.LEFT, NOW);
        assertThatThrownBy(() -> entry.end(WaitlistEntry.EndReason.MOVED_OUT, NOW))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("WAITLIST_ENTRY_NOT_ACTIVE"));
        assertThat(entry.endReason).isEqualTo(WaitlistEntry.EndReason.LEFT);
    }
}
