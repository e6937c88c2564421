package cn.bailian.farm.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A care warning's state machine, without Quarkus: OPEN, then RESOLVED or FAILED once. */
class CareWarningTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final LocalDate REINSPECT = LocalDate.parse("2026-06-15");

    private static CareWarning open(CareWarning.Reason reason) {
        CareWarning warning = new CareWarning();
        warning.id = UUID.randomUUID();
        warning.status = CareWarning.Status.OPEN;
        warning.reason = reason;
        warning.reinspectOn = REINSPECT;
        return warning;
    }

    @Test
    void resolved() {
        CareWarning warning = open(CareWarning.Reason.POOR_INSPECTION);
        warning.resolve(NOW);
        assertThat(warning.status).isEqualTo(CareWarning.Status.RESOLVED);
        assertThat(warning.closedAt.toInstant()).isEqualTo(NOW);
    }

    @Test
    void failed() {
        CareWarning warning = open(CareWarning.Reason.POOR_INSPECTION);
        warning.fail(NOW);
        assertThat(warning.status).isEqualTo(CareWarning.Status.FAILED);
    }

    @Test
    void aClosedWarningDoesNotChangeAgain() {
        CareWarning warning = open(CareWarning.Reason.NO_JOURNAL);
        warning.fail(NOW);
        assertThatThrownBy(() -> warning.resolve(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> warning.fail(NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(warning.status).isEqualTo(CareWarning.Status.FAILED);
    }

    @Test
    void onlyAnOpenNoJournalWarningPastItsDateIsOverdue() {
        assertThat(open(CareWarning.Reason.NO_JOURNAL).overdueNoJournal(REINSPECT))
                .isFalse();
        assertThat(open(CareWarning.Reason.NO_JOURNAL).overdueNoJournal(REINSPECT.plusDays(1)))
                .isTrue();
        assertThat(open(CareWarning.Reason.POOR_INSPECTION).overdueNoJournal(REINSPECT.plusDays(1)))
                .isFalse();
        CareWarning resolved = open(CareWarning.Reason.NO_JOURNAL);
        resolved.resolve(NOW);
        assertThat(resolved.overdueNoJournal(REINSPECT.plusDays(1))).isFalse();
    }
}
