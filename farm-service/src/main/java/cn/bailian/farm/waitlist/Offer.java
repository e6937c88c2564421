package cn.bailian.farm.waitlist;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A freed plot held for one waitlisted resident until a deadline. PENDING until decided, once. */
@Entity
public class Offer extends PanacheEntityBase {

    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        LAPSED,
        WITHDRAWN
    }

    @Id
    public UUID id;

    public UUID plotId;
    public UUID farmId;
    public UUID communityId;
    public UUID waitlistEntryId;
    public UUID residentId;
    public UUID householdId;
    public UUID lotteryId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public OffsetDateTime expiresAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime decidedAt;

    @Version
    public long version;

    public boolean pending() {
        return status == Status.PENDING;
    }

    /** 409 OFFER_NOT_PENDING once the offer has been decided. */
    public void requirePending() {
        if (!pending()) {
            throw ProblemException.conflict("OFFER_NOT_PENDING", id, status);
        }
    }

    /** Taken before the deadline (409 OFFER_EXPIRED after it, even if the lapse job has not run yet). */
    public void accept(Instant now) {
        requirePending();
        if (expiresAt.toInstant().isBefore(now)) {
            throw ProblemException.conflict("OFFER_EXPIRED", expiresAt);
        }
        decide(Status.ACCEPTED, now);
    }

    public void decline(Instant now) {
        requirePending();
        decide(Status.DECLINED, now);
    }

    /** The deadline passed unanswered. */
    public void lapse(Instant now) {
        requirePending();
        if (!expiresAt.toInstant().isBefore(now)) {
            throw new IllegalStateException("offer " + id + " runs until " + expiresAt);
        }
        decide(Status.LAPSED, now);
    }

    /** The entry left the list (moved out, no longer eligible, left): its offer goes with it. */
    public void withdraw(Instant now) {
        requirePending();
        decide(Status.WITHDRAWN, now);
    }

    private void decide(Status to, Instant now) {
        status = to;
        decidedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    public static Offer require(UUID id) {
        Offer offer = findById(id);
        if (offer == null) {
            throw ProblemException.notFound("OFFER_NOT_FOUND", id);
        }
        return offer;
    }

    public static Offer lock(UUID id) {
        Offer offer = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (offer == null) {
            throw ProblemException.notFound("OFFER_NOT_FOUND", id);
        }
        return offer;
    }

    public static Offer pendingOf(UUID waitlistEntryId) {
        return find("waitlistEntryId = ?1 and status = ?2", waitlistEntryId, Status.PENDING)
                .firstResult();
    }

    /** A household holding an offer waits for its answer before it is offered another plot. */
    public static boolean householdHoldsOffer(UUID householdId) {
        return count("householdId = ?1 and status = ?2", householdId, Status.PENDING) > 0;
    }
}
