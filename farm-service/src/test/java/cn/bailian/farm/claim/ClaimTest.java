package cn.bailian.farm.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The claim's state machine, without Quarkus. */
class ClaimTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");

    private static Claim active(LocalDate endsOn) {
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.status = Claim.Status.ACTIVE;
        claim.startsOn = endsOn.minusYears(1).plusDays(1);
        claim.endsOn = endsOn;
        return claim;
    }

    private static String code(Runnable transition) {
        try {
            transition.run();
        } catch (ProblemException e) {
            return e.code();
        }
        return null;
    }

    @Test
    void endingARunningClaimRecordsWhyAndWhen() {
        Claim claim = active(TODAY.plusMonths(6));
        claim.end(EndReason.RELEASED, null, NOW);
        assertThat(claim.status).isEqualTo(Claim.Status.ENDED);
        assertThat(claim.active()).isFalse();
        assertThat(claim.endReason).isEqualTo(EndReason.RELEASED);
        assertThat(claim.endedAt.toInstant()).isEqualTo(NOW);
    }

    @Test
    void anEndedClaimDoesNotEndAgain() {
        Claim claim = active(TODAY.plusMonths(6));
        claim.end(EndReason.EXPIRED, null, NOW);
        assertThat(code(() -> claim.end(EndReason.RELEASED, null, NOW))).isEqualTo("CLAIM_NOT_ACTIVE");
        assertThat(claim.endReason).isEqualTo(EndReason.EXPIRED);
    }

    @Test
    void revocationNamesTheFailedWarning() {
        Claim claim = active(TODAY.plusMonths(6));
        UUID warning = UUID.randomUUID();
        claim.revoke(warning, "两次巡查均无人打理", NOW);
        assertThat(claim.endReason).isEqualTo(EndReason.REVOKED);
        assertThat(claim.revokedWarningId).isEqualTo(warning);
        assertThat(claim.endNote).isEqualTo("两次巡查均无人打理");
    }

    @Test
    void anEndedClaimIsNotRevoked() {
        Claim claim = active(TODAY.plusMonths(6));
        claim.end(EndReason.RELEASED, null, NOW);
        assertThat(code(() -> claim.revoke(UUID.randomUUID(), "late", NOW))).isEqualTo("CLAIM_NOT_ACTIVE");
        assertThat(claim.revokedWarningId).isNull();
    }

    @Test
    void aRevocationWithoutItsWarningIsRefused() {
        Claim claim = active(TODAY.plusMonths(6));
        assertThatThrownBy(() -> claim.end(EndReason.REVOKED, null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(claim.active()).isTrue();
    }

    @Test
    void renewalInsideTheWindowAddsATermFromTheCurrentEnd() {
        Claim claim = active(TODAY.plusDays(60));
        claim.renew(TODAY, 60, 12);
        assertThat(claim.endsOn).isEqualTo(TODAY.plusDays(60).plusMonths(12));
    }

    @Test
    void renewalBeforeTheWindowIsRefusedAndChangesNothing() {
        Claim claim = active(TODAY.plusDays(61));
        assertThat(code(() -> claim.renew(TODAY, 60, 12))).isEqualTo("RENEWAL_NOT_OPEN");
        assertThat(claim.endsOn).isEqualTo(TODAY.plusDays(61));
    }

    @Test
    void anEndedClaimIsNotRenewed() {
        Claim claim = active(TODAY.plusDays(10));
        claim.end(EndReason.RELEASED, null, NOW);
        assertThat(code(() -> claim.renew(TODAY, 60, 12))).isEqualTo("CLAIM_NOT_ACTIVE");
    }
}
