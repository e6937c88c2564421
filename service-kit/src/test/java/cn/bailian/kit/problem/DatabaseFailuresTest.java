package cn.bailian.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

/** Which database failures are the client's to retry (503), a conflict (409) or a bug (no translation: 500). */
class DatabaseFailuresTest {

    @Test
    void aTransactionTheReaperAbortedIsServiceUnavailable() {
        var timedOut = new IllegalStateException(
                "commit failed", new RollbackException("ARJUNA016102: The transaction is not active!"));
        assertThat(ProblemMappers.translateDatabase(timedOut))
                .extracting(ProblemException::status, ProblemException::code)
                .containsExactly(503, ProblemCodes.SERVICE_UNAVAILABLE);
    }

    @Test
    void aCancelledStatementOrADeadlockIsServiceUnavailable() {
        for (String state : new String[] {"57014", "40P01", "40001", "08006", "57P01"}) {
            assertThat(ProblemMappers.translateDatabase(new SQLException("x", state))
                            .status())
                    .as(state)
                    .isEqualTo(503);
        }
    }

    @Test
    void anUntranslatedConstraintIsAConflictAndAnythingElseIsABug() {
        assertThat(ProblemMappers.translateDatabase(new SQLException("dup", "23505"))
                        .status())
                .isEqualTo(409);
        assertThat(ProblemMappers.translateDatabase(new SQLException("syntax", "42601")))
                .isNull();
        assertThat(ProblemMappers.translateDatabase(new NullPointerException())).isNull();
    }
}
