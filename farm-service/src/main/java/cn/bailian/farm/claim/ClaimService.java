package cn.bailian.farm.claim;

import cn.bailian.farm.FarmConfig;
import cn.bailian.farm.claim.ClaimApi.ClaimView;
import cn.bailian.farm.events.FarmEvents;
import cn.bailian.farm.farm.Farm;
import cn.bailian.farm.plot.Plot;
import cn.bailian.farm.plot.PlotFreed;
import cn.bailian.farm.plot.PlotHolders;
import cn.bailian.farm.plot.PlotStatus;
import cn.bailian.farm.resident.ResidentMovedOut;
import cn.bailian.farm.resident.ResidentProjection;
import cn.bailian.farm.resident.ResidentService;
import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.time.CommunityClock;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claiming, renewing and ending claims. Every end frees the plot ({@link PlotFreed}), which the waitlist observes
 * to offer it to the next in line.
 */
@ApplicationScoped
public class ClaimService implements PlotHolders {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ClaimService.class);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    ResidentService residents;

    @Inject
    ClaimWarnings warnings;

    @Inject
    FarmConfig config;

    @Inject
    CommunityClock clock;

    @Inject
    Event<PlotFreed> plotFreed;

    /** A direct claim of an AVAILABLE plot, by the resident or staff for them. */
    @Transactional
    public ClaimView claim(UUID plotId, UUID residentId, Integer termMonths) {
        Plot plot = Plot.lock(plotId); // first read under the lock, see lockAsSelfOrStaff
        caller.requireSelfOrStaff(residentId, plot.communityId);
        if (plot.status != PlotStatus.AVAILABLE) {
            throw ProblemException.conflict("PLOT_NOT_AVAILABLE", plot.code);
        }
        ResidentProjection resident = residents.requireEligible(residentId, plot.communityId);
        return ClaimView.of(create(plot, resident, null, termMonths, Instant.now()));
    }

    /**
     * Creates the claim on a plot the caller holds. The partial unique indexes decide the races the caller's row
     * lock does not cover (two plots claimed for one household at once), and stand behind the plot's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim create(Plot plot, ResidentProjection resident, UUID offerId, Integer termMonths, Instant now) {
        Claim.requireNoOtherPlot(resident.householdId);
        LocalDate startsOn = clock.dateOf(now);
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.plotId = plot.id;
        claim.farmId = plot.farmId;
        claim.communityId = plot.communityId;
        claim.residentId = resident.residentId;
        claim.householdId = resident.householdId;
        claim.status = Claim.Status.ACTIVE;
        claim.startsOn = startsOn;
        // the term's last day is the day before its anniversary
        claim.endsOn = startsOn.plusMonths(termMonths == null ? config.claimTermMonths() : termMonths)
                .minusDays(1);
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
        outbox.publish(
                FarmEvents.PLOT_CLAIMED,
                claim.id,
                new FarmEvents.PlotClaimed(
                        claim.id,
                        plot.id,
                        plot.farmId,
                        plot.code,
                        claim.residentId,
                        claim.householdId,
                        claim.communityId,
                        claim.startsOn,
                        claim.endsOn));
        return claim;
    }

    public ClaimView get(UUID id) {
        Claim claim = Claim.require(id);
        caller.requireSelfOrStaff(claim.residentId, claim.communityId);
        return ClaimView.of(claim);
    }

    /** Claims of a resident (themselves or staff) or of a farm (staff), newest first. */
    public Page<ClaimView> list(UUID residentId, UUID farmId, Claim.Status status, PageRequest page) {
        caller.requireAuthenticated();
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (residentId != null) {
            residents.requireSelfOrStaffOfResident(residentId);
            where.append(" and residentId = :residentId");
            params.and("residentId", residentId);
        } else if (farmId != null) {
            caller.requireStaffOf(Farm.require(farmId).communityId);
        } else {
            throw ProblemException.invalidField("residentId", "NotNull", "residentId or farmId is required");
        }
        if (farmId != null) {
            where.append(" and farmId = :farmId");
            params.and("farmId", farmId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        var query =
                Claim.<Claim>find(where.toString(), Sort.descending("createdAt").and("id"), params);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(ClaimView::of)
                        .toList(),
                query.count());
    }

    @Transactional
    public ClaimView release(UUID claimId) {
        Claim claim = lockAsSelfOrStaff(claimId);
        end(claim, EndReason.RELEASED, null, Instant.now());
        return ClaimView.of(claim);
    }

    /** Extends the term by one default term from its current end, when the end is near and nothing stands against it. */
    @Transactional
    public ClaimView renew(UUID claimId) {
        Claim claim = lockAsSelfOrStaff(claimId);
        // checked in this order: active, window, eligibility, warnings; a refusal rolls the extension back
        claim.renew(clock.today(), config.renewalWindow().toDays(), config.claimTermMonths());
        if (!ResidentService.isEligible(residents.find(claim.residentId), claim.communityId)) {
            throw ProblemException.unprocessable("RESIDENT_NOT_ELIGIBLE", claim.residentId);
        }
        if (warnings.underWarning(claim.id)) {
            throw ProblemException.conflict("CLAIM_UNDER_WARNING", claim.id);
        }
        return ClaimView.of(claim);
    }

    /** Revocation by staff: only on the strength of a warning whose re-inspection failed. */
    @Transactional
    public ClaimView revoke(UUID claimId, String reason) {
        Claim claim = Claim.lock(claimId);
        caller.requireStaffOf(claim.communityId);
        claim.requireActive();
        UUID failedWarning = warnings.failedWarning(claim.id)
                .orElseThrow(() -> ProblemException.conflict("REVOCATION_NEEDS_FAILED_WARNING", claimId));
        Instant now = Instant.now();
        Plot plot = Plot.lockWithFarm(claim.plotId);
        claim.revoke(failedWarning, reason, now);
        freed(claim, plot, now);
        return ClaimView.of(claim);
    }

    /** Ends every active claim of a resident who moved out; runs before the waitlist's reaction (lower priority). */
    @Transactional(Transactional.TxType.MANDATORY)
    void onMovedOut(@Observes @Priority(Interceptor.Priority.APPLICATION) ResidentMovedOut movedOut) {
        for (Claim claim : Claim.activeOf(movedOut.residentId())) {
            em.lock(claim, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(claim);
            if (claim.active()) {
                end(claim, EndReason.MOVED_OUT, null, movedOut.at());
            }
        }
    }

    @Override
    public Map<UUID, UUID> holdersOf(Collection<UUID> plotIds) {
        Map<UUID, UUID> holders = new HashMap<>();
        Claim.activeOnPlots(plotIds).forEach(c -> holders.put(c.plotId, c.residentId));
        return holders;
    }

    /**
     * Ends claims whose term is over, each in its own transaction under {@code for update skip locked}, so
     * replicas share the work and never end a claim twice. Returns how many this call ended.
     */
    @ActivateRequestContext // the candidates are read outside any transaction, also from the scheduler
    public int expire(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        select id from claim where status = ?1 and ends_on < ?2 order by ends_on limit 100""", UUID.class)
                .setParameter(1, Claim.Status.ACTIVE.name())
                .setParameter(2, clock.dateOf(now))
                .getResultList();
        int ended = 0;
        for (UUID id : due) {
            try {
                // a call on this bean's own method: ArC intercepts it (unlike Spring), so each runs in its own
                // transaction
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
                        select id from claim where id = ?1 and status = ?2 and ends_on < ?3 for update skip locked""")
                .setParameter(1, claimId)
                .setParameter(2, Claim.Status.ACTIVE.name())
                .setParameter(3, clock.dateOf(now))
                .getResultList();
        if (mine.isEmpty()) {
            return false;
        }
        end(Claim.findById(claimId), EndReason.EXPIRED, null, now);
        return true;
    }

    /** Ends a locked, active claim and frees its plot. */
    private void end(Claim claim, EndReason reason, String note, Instant now) {
        Plot plot = Plot.lockWithFarm(claim.plotId);
        claim.end(reason, note, now);
        freed(claim, plot, now);
    }

    /** Publishes the end and hands the plot, locked with its farm, to whoever takes freed plots (the waitlist). */
    private void freed(Claim claim, Plot plot, Instant now) {
        em.flush(); // the plot's active-claim slot is free before an offer may turn into a new claim
        outbox.publish(
                FarmEvents.PLOT_RELEASED,
                claim.id,
                new FarmEvents.PlotReleased(
                        claim.id,
                        claim.plotId,
                        claim.farmId,
                        claim.residentId,
                        claim.communityId,
                        claim.endReason.name()));
        plot.status = PlotStatus.AVAILABLE;
        plotFreed.fire(new PlotFreed(plot, now));
    }

    /** The claim is first read under its lock (read before, a concurrent end would fail its version check as a 500). */
    private Claim lockAsSelfOrStaff(UUID claimId) {
        Claim claim = Claim.lock(claimId);
        caller.requireSelfOrStaff(claim.residentId, claim.communityId);
        claim.requireActive();
        return claim;
    }
}
