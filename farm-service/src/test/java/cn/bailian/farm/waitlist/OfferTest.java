package cn.bailian.farm.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** An offer's state machine, without Quarkus: PENDING, then decided once. */
class OfferTest {

    private static final Instant MADE = Instant.parse("2026-06-01T02:00:00Z");
    private static final Instant BEFORE_DEADLINE = MADE.plus(Duration.ofHours(71));
    private static final Instant AFTER_DEADLINE = MADE.plus(Duration.ofHours(73));

    private static Offer pending() {
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.status = Offer.Status.PENDING;
        offer.createdAt = OffsetDateTime.ofInstant(MADE, ZoneOffset.UTC);
        offer.expiresAt = OffsetDateTime.ofInstant(MADE.plus(Duration.ofHours(72)), ZoneOffset.UTC);
        return offer;
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
    void acceptedBeforeTheDeadline() {
        Offer offer = pending();
        offer.accept(BEFORE_DEADLINE);
        assertThat(offer.status).isEqualTo(Offer.Status.ACCEPTED);
        assertThat(offer.decidedAt.toInstant()).isEqualTo(BEFORE_DEADLINE);
    }

    @Test
    void notAcceptedAfterTheDeadlineEvenBeforeTheLapseJob() {
        Offer offer = pending();
        assertThat(code(() -> offer.accept(AFTER_DEADLINE))).isEqualTo("OFFER_EXPIRED");
        assertThat(offer.pending()).isTrue();
    }

    @Test
    void declined() {
        Offer offer = pending();
        offer.decline(BEFORE_DEADLINE);
        assertThat(offer.status).isEqualTo(Offer.Status.DECLINED);
    }

    @Test
    void lapsesOnlyAfterTheDeadline() {
        Offer offer = pending();
        assertThatThrownBy(() -> offer.lapse(BEFORE_DEADLINE)).isInstanceOf(IllegalStateException.class);
        offer.lapse(AFTER_DEADLINE);
        assertThat(offer.status).isEqualTo(Offer.Status.LAPSED);
    }

    @Test
    void withdrawnWhenItsEntryLeaves() {
        Offer offer = pending();
        offer.withdraw(BEFORE_DEADLINE);
        assertThat(offer.status).isEqualTo(Offer.Status.WITHDRAWN);
    }

    @Test
    void aDecidedOfferIsNotDecidedAgain() {
        Offer offer = pending();
        offer.decline(BEFORE_DEADLINE);
        assertThat(code(() -> offer.accept(BEFORE_DEADLINE))).isEqualTo("OFFER_NOT_PENDING");
        assertThat(code(() -> offer.decline(BEFORE_DEADLINE))).isEqualTo("OFFER_NOT_PENDING");
        assertThat(code(() -> offer.lapse(AFTER_DEADLINE))).isEqualTo("OFFER_NOT_PENDING");
        assertThat(code(() -> offer.withdraw(BEFORE_DEADLINE))).isEqualTo("OFFER_NOT_PENDING");
        assertThat(offer.status).isEqualTo(Offer.Status.DECLINED);
    }
}
