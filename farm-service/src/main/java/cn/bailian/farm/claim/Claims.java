package cn.bailian.farm.claim;

import cn.bailian.kit.db.Constraints;
import cn.bailian.farm.FarmConfig;
import cn.bailian.farm.events.FarmEvents;
import cn.bailian.farm.farm.Farm;
import cn.bailian.farm.plot.Plot;
import cn.bailian.farm.plot.PlotStatus;
import cn.bailian.farm.resident.ResidentProjection;
import cn.bailian.farm.resident.Residents;
import cn.bailian.farm.waitlist.Waitlists;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Claiming, renewing and ending claims; every end frees the plot and offers it to the waitlist. */
@ApplicationScoped
public class Claims {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Claims.class);

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Residents residents;
    @Inject
    Waitlists waitlists;
    @Inject
    FarmConfig config;

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, config.zone());
    }

    /** A direct claim of an AVAILABLE plot. */
    @Transactional
    public Claim claim(UUID plotId, UUID residentId, Integer termMonths) {
        Plot plot = Plot.lock(plotId);
        if (plot.status != PlotStatus.AVAILABLE) {
            throw ProblemException.conflict("PLOT_NOT_AVAILABLE", plot.code);
        }
        ResidentProjection resident = residents.requireEligible(residentId, plot.communityId);
        return create(plot, resident, null, termMonths, Instant.now());
    }

    /**
     * Creates the claim on a plot already locked by the caller. The partial unique indexes decide the races
     * the row lock does not cover (two plots claimed for one household at once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim create(Plot plot, ResidentProjection resident, UUID offerId, Integer termMonths, Instant now) {
        if (Claim.count("householdId = ?1 and status = ?2", resident.householdId, Claim.ACTIVE) > 0) {
            throw ProblemException.conflict("HOUSEHOLD_ALREADY_HAS_PLOT", resident.householdId);
        }
        LocalDate startsOn = today(now);
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.plotId = plot.id;
        claim.farmId = plot.farmId;
        claim.communityId = plot.communityId;
        claim.residentId = resident.residentId;
        claim.householdId = resident.householdId;
        claim.status = Claim.ACTIVE;
        claim.startsOn = startsOn;
        // the term's last day is the day before its anniversary
        claim.endsOn = startsOn.plusMonths(termMonths == null ? config.claimTermMonths() : termMonths).minusDays(1);
        claim.offerId = offerId;
        claim.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        plot.status = PlotStatus.CLAIMED;
        try {
            em.persist(claim);
            em.flush();
        } catch (PersistenceException e) {
            String constraint = Constraints.violated(e);
            if ("claim_one_active_per_household".equals(constraint)) {
                throw ProblemException.conflict("HOUSEHOLD_ALREADY_HAS_PLOT", resident.householdId);
            }
            if ("claim_one_active_per_plot".equals(constraint)) {
                throw ProblemException.conflict("PLOT_NOT_AVAILABLE", plot.code);
            }
            throw e;
        }
        outbox.publish(FarmEvents.PLOT_CLAIMED, claim.id, new FarmEvents.PlotClaimed(claim.id, plot.id, plot.farmId,
                plot.code, claim.residentId, claim.householdId, claim.communityId, claim.startsOn, claim.endsOn));
        return claim;
    }

    @Transactional
    public Claim release(UUID claimId) {
        Claim claim = lockActive(claimId);
        end(claim, EndReason.RELEASED, null, Instant.now());
        return claim;
    }

    /** Extends the term by one default term from its current end, when the end is near. */
    @Transactional
    public Claim renew(UUID claimId) {
        Claim claim = lockActive(claimId);
        Instant now = Instant.now();
        LocalDate today = today(now);
        if (claim.endsOn.isAfter(today.plusDays(config.renewalWindow().toDays()))) {
            throw ProblemException.conflict("RENEWAL_NOT_OPEN", claim.endsOn.minusDays(config.renewalWindow().toDays()));
        }
        if (!Residents.isEligible(residents.find(claim.residentId), claim.communityId)) {
            throw ProblemException.unprocessable("RESIDENT_NOT_ELIGIBLE", claim.residentId);
        }
        if (em.createQuery("select count(w) from CareWarning w where w.claimId = ?1 and w.status in ('OPEN', 'FAILED')", Long.class)
                .setParameter(1, claim.id).getSingleResult() > 0) {
            throw ProblemException.conflict("CLAIM_UNDER_WARNING", claim.id);
        }
        claim.endsOn = claim.endsOn.plusMonths(config.claimTermMonths());
        return claim;
    }

    /** Revocation by staff: only on the strength of a warning whose re-inspection failed. */
    @Transactional
    public Claim revoke(UUID claimId, String reason) {
        Claim claim = lockActive(claimId);
        UUID failedWarning = em.createQuery(
                        "select w.id from CareWarning w where w.claimId = ?1 and w.status = 'FAILED'", UUID.class)
                .setParameter(1, claim.id).getResultStream().findFirst().orElse(null);
        if (failedWarning == null) {
            throw ProblemException.conflict("REVOCATION_NEEDS_FAILED_WARNING", claim.id);
        }
        claim.revokedWarningId = failedWarning;
        end(claim, EndReason.REVOKED, reason, Instant.now());
        return claim;
    }

    /** Ends every active claim of a resident who moved out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endForMoveOut(UUID residentId, Instant now) {
        List<Claim> active = Claim.list("residentId = ?1 and status = ?2", residentId, Claim.ACTIVE);
        for (Claim claim : active) {
            em.lock(claim, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            em.refresh(claim);
            if (claim.active()) {
                end(claim, EndReason.MOVED_OUT, null, now);
            }
        }
    }

    /**
     * Ends claims whose term is over, each in its own transaction under {@code for update skip locked}, so
     * replicas share the work and never end a claim twice. Returns how many this call ended.
     */
    @ActivateRequestContext // the candidates are read outside any transaction, also from the scheduler
    public int expire(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        select id from claim where status = 'ACTIVE' and ends_on < ?1 order by ends_on limit 100""", UUID.class)
                .setParameter(1, today(now)).getResultList();
        int ended = 0;
        for (UUID id : due) {
            try {
                if (expireOne(id, now)) {
                    ended++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("claim %s could not be expired now: %s", id, e.toString());
            }
        }
        return ended;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean expireOne(UUID claimId, Instant now) {
        List<?> mine = em.createNativeQuery("""
                        select id from claim where id = ?1 and status = 'ACTIVE' and ends_on < ?2 for update skip locked""")
                .setParameter(1, claimId).setParameter(2, today(now)).getResultList();
        if (mine.isEmpty()) {
            return false;
        }
        end(Claim.findById(claimId), EndReason.EXPIRED, null, now);
        return true;
    }

    /** Ends a locked, active claim, frees its plot and offers the plot to the head of the waitlist. */
    void end(Claim claim, EndReason reason, String note, Instant now) {
        Farm.lock(claim.farmId); // farm before plot, the order every waitlist change takes
        claim.status = Claim.ENDED;
        claim.endReason = reason.name();
        claim.endNote = note;
        claim.endedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        em.flush(); // the plot's active-claim slot is free before an offer may turn into a new claim
        outbox.publish(FarmEvents.PLOT_RELEASED, claim.id, new FarmEvents.PlotReleased(claim.id, claim.plotId,
                claim.farmId, claim.residentId, claim.communityId, reason.name()));
        Plot plot = Plot.lock(claim.plotId);
        plot.status = PlotStatus.AVAILABLE;
        waitlists.offerNext(plot, now);
    }

    private Claim lockActive(UUID claimId) {
        Claim claim = Claim.lock(claimId);
        if (!claim.active()) {
            throw ProblemException.conflict("CLAIM_NOT_ACTIVE", claim.id);
        }
        return claim;
    }
}
