package cn.bailian.farm.claim;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** 认领: a household's hold on one plot for a term. ACTIVE until it ends, for one of the {@link EndReason}s. */
@Entity
public class Claim extends PanacheEntityBase {

    public enum Status {
        ACTIVE,
        ENDED
    }

    @Id
    public UUID id;

    public UUID plotId;
    public UUID farmId;
    public UUID communityId;
    public UUID residentId;
    public UUID householdId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public LocalDate startsOn;
    public LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    public EndReason endReason;

    public String endNote;
    public UUID revokedWarningId;
    public OffsetDateTime endedAt;
    public UUID offerId;
    public OffsetDateTime lastJournalAt;
    public OffsetDateTime createdAt;

    @Version
    public long version;

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** 409 CLAIM_NOT_ACTIVE unless the claim is still running. */
    public void requireActive() {
        if (!active()) {
            throw ProblemException.conflict("CLAIM_NOT_ACTIVE", id);
        }
    }

    /**
     * Another term from the current end, only within {@code renewalWindowDays} of that end (409 RENEWAL_NOT_OPEN
     * before, naming the day it opens).
     */
    public void renew(LocalDate today, long renewalWindowDays, int termMonths) {
        requireActive();
        if (endsOn.isAfter(today.plusDays(renewalWindowDays))) {
            throw ProblemException.conflict("RENEWAL_NOT_OPEN", endsOn.minusDays(renewalWindowDays));
        }
        endsOn = endsOn.plusMonths(termMonths);
    }

    /** Ends a running claim (409 CLAIM_NOT_ACTIVE if it already ended). Revocation goes through {@link #revoke}. */
    public void end(EndReason reason, String note, Instant now) {
        if (reason == EndReason.REVOKED && revokedWarningId == null) {
            throw new IllegalArgumentException("a revocation names the failed warning: use revoke()");
        }
        requireActive();
        status = Status.ENDED;
        endReason = reason;
        endNote = note;
        endedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** Revocation by staff, on the strength of a warning whose re-inspection failed. */
    public void revoke(UUID failedWarningId, String note, Instant now) {
        requireActive();
        revokedWarningId = failedWarningId;
        end(EndReason.REVOKED, note, now);
    }

    public static Claim require(UUID id) {
        Claim claim = findById(id);
        if (claim == null) {
            throw ProblemException.notFound("CLAIM_NOT_FOUND", id);
        }
        return claim;
    }

    public static Claim lock(UUID id) {
        Claim claim = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (claim == null) {
            throw ProblemException.notFound("CLAIM_NOT_FOUND", id);
        }
        return claim;
    }

    public static Claim activeOnPlot(UUID plotId) {
        return find("plotId = ?1 and status = ?2", plotId, Status.ACTIVE).firstResult();
    }

    public static List<Claim> activeOnPlots(Collection<UUID> plotIds) {
        return list("plotId in ?1 and status = ?2", List.copyOf(plotIds), Status.ACTIVE);
    }

    public static List<Claim> activeOf(UUID residentId) {
        return list("residentId = ?1 and status = ?2", residentId, Status.ACTIVE);
    }

    /** The household rule's one question: does this household hold a plot under an active claim? */
    public static boolean householdHoldsPlot(UUID householdId) {
        return count("householdId = ?1 and status = ?2", householdId, Status.ACTIVE) > 0;
    }

    /**
     * "A household holds no other plot" (409 HOUSEHOLD_ALREADY_HAS_PLOT): checked before a claim, an offer's
     * acceptance and joining a waitlist. The partial unique index {@code claim_one_active_per_household} decides
     * the races this read does not.
     */
    public static void requireNoOtherPlot(UUID householdId) {
        if (householdHoldsPlot(householdId)) {
            throw ProblemException.conflict("HOUSEHOLD_ALREADY_HAS_PLOT", householdId);
        }
    }
}
