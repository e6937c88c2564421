package cn.bailian.farm.care;

import cn.bailian.farm.FarmConfig;
import cn.bailian.farm.claim.Claim;
import cn.bailian.farm.claim.ClaimWarnings;
import cn.bailian.farm.events.FarmEvents;
import cn.bailian.farm.plot.Plot;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.time.CommunityClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The allotment rules: a POOR inspection or weeks without a journal entry bring a warning with a
 * re-inspection date; a second failure marks the warning FAILED, and only then may staff revoke.
 */
@ApplicationScoped
public class CareService implements ClaimWarnings {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CareService.class);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    FarmConfig config;

    @Inject
    CommunityClock clock;

    public record Outcome(Inspection inspection, CareWarning warning) {}

    @Transactional
    public Outcome inspect(UUID plotId, Inspection.Grade grade, String note, String photoUrl) {
        caller.requireStaffOf(Plot.require(plotId).communityId);
        Instant now = Instant.now();
        Claim claim = Claim.find("plotId = ?1 and status = ?2", plotId, Claim.Status.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (claim == null) {
            throw ProblemException.conflict("PLOT_NOT_CLAIMED", plotId);
        }
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.plotId = plotId;
        inspection.claimId = claim.id;
        inspection.communityId = claim.communityId;
        inspection.grade = grade;
        inspection.note = note;
        inspection.photoUrl = photoUrl;
        inspection.inspector = caller.subject();
        inspection.inspectedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        inspection.persist();
        CareWarning live = CareWarning.liveOf(claim.id);
        if (grade == Inspection.Grade.POOR) {
            if (live == null) {
                live = issue(claim, CareWarning.Reason.POOR_INSPECTION, inspection.id, now);
            } else if (live.open()) {
                live.fail(now);
            }
        } else if (live != null && live.open()) {
            live.resolve(now);
        }
        return new Outcome(inspection, live);
    }

    public Page<Inspection> inspections(UUID plotId, PageRequest page) {
        caller.requireStaffOf(Plot.require(plotId).communityId);
        var query = Inspection.<Inspection>find(
                "plotId", Sort.descending("inspectedAt").and("id"), plotId);
        return page.page(query.page(page.page(), page.size()).list(), query.count());
    }

    public Page<CareWarning> warnings(UUID claimId, PageRequest page) {
        Claim claim = Claim.require(claimId);
        caller.requireSelfOrStaff(claim.residentId, claim.communityId);
        var query = CareWarning.<CareWarning>find(
                "claimId", Sort.descending("issuedAt").and("id"), claimId);
        return page.page(query.page(page.page(), page.size()).list(), query.count());
    }

    /** A journal entry answers a warning for not keeping one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void journalRecorded(Claim claim, Instant now) {
        CareWarning live = CareWarning.liveOf(claim.id);
        if (live != null && live.open() && live.reason == CareWarning.Reason.NO_JOURNAL) {
            live.resolve(now);
        }
    }

    @Override
    public boolean underWarning(UUID claimId) {
        return CareWarning.liveOf(claimId) != null;
    }

    @Override
    public Optional<UUID> failedWarning(UUID claimId) {
        CareWarning live = CareWarning.liveOf(claimId);
        return live != null && live.status == CareWarning.Status.FAILED ? Optional.of(live.id) : Optional.empty();
    }

    /**
     * The scheduled check, as of {@code now}: warns claims silent for the configured weeks, and fails
     * no-journal warnings still open after their re-inspection date. Each claim is handled in its own
     * transaction under {@code for update skip locked} (replicas share the work). Returns how many changed.
     */
    @ActivateRequestContext // the candidates are read outside any transaction, also from the scheduler
    public int check(Instant now) {
        OffsetDateTime silentSince =
                OffsetDateTime.ofInstant(now.minus(Duration.ofDays(7L * config.neglectWeeks())), ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<UUID> silent = em.createNativeQuery("""
                        select c.id from claim c
                        where c.status = ?1 and coalesce(c.last_journal_at, c.created_at) < ?2
                          and not exists (select 1 from care_warning w where w.claim_id = c.id and w.status in (?3, ?4))
                        order by c.id limit 100""", UUID.class)
                .setParameter(1, Claim.Status.ACTIVE.name())
                .setParameter(2, silentSince)
                .setParameter(3, CareWarning.Status.OPEN.name())
                .setParameter(4, CareWarning.Status.FAILED.name())
                .getResultList();
        @SuppressWarnings("unchecked")
        List<UUID> overdue = em.createNativeQuery("""
                        select w.claim_id from care_warning w
                        where w.status = ?1 and w.reason = ?2 and w.reinspect_on < ?3
                        order by w.id limit 100""", UUID.class)
                .setParameter(1, CareWarning.Status.OPEN.name())
                .setParameter(2, CareWarning.Reason.NO_JOURNAL.name())
                .setParameter(3, clock.dateOf(now))
                .getResultList();
        int changed = 0;
        // calls on this bean's own methods: ArC intercepts them (unlike Spring), so each runs in its own transaction
        for (UUID claimId : silent) {
            changed += guarded(() -> warnIfSilent(claimId, silentSince, now), claimId);
        }
        for (UUID claimId : overdue) {
            changed += guarded(() -> failIfOverdue(claimId, now), claimId);
        }
        return changed;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean warnIfSilent(UUID claimId, OffsetDateTime silentSince, Instant now) {
        Claim claim = lockSkipping(claimId);
        if (claim == null
                || !claim.active()
                || CareWarning.liveOf(claimId) != null
                || (claim.lastJournalAt != null ? claim.lastJournalAt : claim.createdAt).isAfter(silentSince)) {
            return false;
        }
        issue(claim, CareWarning.Reason.NO_JOURNAL, null, now);
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean failIfOverdue(UUID claimId, Instant now) {
        Claim claim = lockSkipping(claimId);
        CareWarning warning = claim == null ? null : CareWarning.liveOf(claimId);
        if (warning == null || !warning.overdueNoJournal(clock.dateOf(now))) {
            return false;
        }
        warning.fail(now);
        return true;
    }

    /** The claim under a row lock, or null if another replica holds it. Warnings change only under their claim's lock. */
    private Claim lockSkipping(UUID claimId) {
        List<?> mine = em.createNativeQuery("select id from claim where id = ?1 for update skip locked")
                .setParameter(1, claimId)
                .getResultList();
        return mine.isEmpty() ? null : Claim.findById(claimId);
    }

    private static int guarded(java.util.function.BooleanSupplier step, UUID claimId) {
        try {
            return step.getAsBoolean() ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.warnf("care rules for claim %s could not be applied now: %s", claimId, e.toString());
            return 0;
        }
    }

    private CareWarning issue(Claim claim, CareWarning.Reason reason, UUID inspectionId, Instant now) {
        CareWarning warning = new CareWarning();
        warning.id = UUID.randomUUID();
        warning.claimId = claim.id;
        warning.plotId = claim.plotId;
        warning.communityId = claim.communityId;
        warning.residentId = claim.residentId;
        warning.reason = reason;
        warning.inspectionId = inspectionId;
        warning.status = CareWarning.Status.OPEN;
        warning.reinspectOn = clock.dateOf(now).plusDays(config.reinspectAfter().toDays());
        warning.issuedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        warning.persist();
        outbox.publish(
                FarmEvents.CARE_WARNING_ISSUED,
                warning.id,
                new FarmEvents.CareWarningIssued(
                        warning.id,
                        claim.id,
                        claim.plotId,
                        claim.residentId,
                        claim.communityId,
                        reason.name(),
                        warning.reinspectOn));
        return warning;
    }
}
