package cn.bailian.fund.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** An objection's decision alone: once, from PENDING. Plain JUnit, no Quarkus. */
class ProjectObjectionTest {

    private static final Instant AT = Instant.parse("2026-12-03T02:00:00Z");

    private static ProjectObjection pending() {
        ProjectObjection o = new ProjectObjection();
        o.status = ProjectObjection.Status.PENDING;
        return o;
    }

    @Test
    void aPendingObjectionIsUpheld() {
        ProjectObjection o = pending();
        o.decide(true, "staff-li", AT, "理由成立");
        assertThat(o.status).isEqualTo(ProjectObjection.Status.UPHELD);
        assertThat(o.decidedBy).isEqualTo("staff-li");
        assertThat(o.decidedAt).isEqualTo(AT);
        assertThat(o.decisionNote).isEqualTo("理由成立");
    }

    @Test
    void aPendingObjectionIsDismissed() {
        ProjectObjection o = pending();
        o.decide(false, "staff-li", AT, "已核实");
        assertThat(o.status).isEqualTo(ProjectObjection.Status.DISMISSED);
    }

    @Test
    void aDecidedObjectionIsNotDecidedAgain() {
        ProjectObjection o = pending();
        o.decide(false, "staff-li", AT, "已核实");
        assertThatThrownBy(() -> o.decide(true, "staff-wang", AT.plusSeconds(60), "改判"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo("OBJECTION_DECIDED");
                    assertThat(e.status()).isEqualTo(409);
                });
        assertThat(o.status).isEqualTo(ProjectObjection.Status.DISMISSED);
        assertThat(o.decidedBy).isEqualTo("staff-li");
    }
}
