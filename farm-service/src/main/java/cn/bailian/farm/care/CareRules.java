package cn.bailian.farm.care;

import cn.bailian.farm.FarmConfig;
import cn.bailian.farm.claim.Claim;
import cn.bailian.farm.events.FarmEvents;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The allotment rules: a POOR inspection or weeks without a journal entry bring a warning with a
 * re-inspection date; a second failure marks the warning FAILED, and only then may staff revoke.
 */
@ApplicationScoped
public class CareRules {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CareRules.class);

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    FarmConfig config;

    public record Outcome(Inspection inspection, CareWarning warning) {
    }

    @Transactional
    public Outcome inspect(UUID plotId, Inspection.Grade grade, String note, String photoUrl, String inspector) {
        Instant now = Instant.now();
        Claim claim = Claim.find("plotId = ?1 and status = ?2", plotId, Claim.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
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
        inspection.inspector = inspector;
        inspection.inspectedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        inspection.persist();
        CareWarning live = live(claim.id);
        if (grade == Inspection.Grade.POOR) {
            if (live == null) {
                live = issue(claim, CareWarning.POOR_INSPECTION, inspection.id, now);
            } else if (CareWarning.OPEN.equals(live.status)) {
                close(live, CareWarning.FAILED, now);
            }
        } else if (live != null && CareWarning.OPEN.equals(live.status)) {
            close(live, CareWarning.RESOLVED, now);
        }
        return new Outcome(inspection, live);
    }

    /** A journal entry answers a warning for not keeping one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void journalRecorded(Claim claim, Instant now) {
        CareWarning live = live(claim.id);
        if (live != null && CareWarning.OPEN.equals(live.status) && CareWarning.NO_JOURNAL.equals(live.reason)) {
            close(live, CareWarning.RESOLVED, now);
        }
    }

    /**
     * The scheduled check, as of {@code now}: warns claims silent for the configured weeks, and fails
     * no-journal warnings still open after their re-inspection date. Each claim is handled in its own
     * transaction under {@code for update skip locked} (replicas share the work). Returns how many changed.
     */
    @ActivateRequestContext // the candidates are read outside any transaction, also from the scheduler
    public int check(Instant now) {
        OffsetDateTime silentSince = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(7L * config.neglectWeeks())), ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<UUID> silent = em.createNativeQuery("""
                        select c.id from claim c
                        where c.status = 'ACTIVE' and coalesce(c.last_journal_at, c.created_at) < ?1
                          and not exists (select 1 from care_warning w where w.claim_id = c.id and w.status in ('OPEN', 'FAILED'))
                        order by c.id limit 100""", UUID.class)
                .setParameter(1, silentSince).getResultList();
        @SuppressWarnings("unchecked")
        List<UUID> overdue = em.createNativeQuery("""
                        select w.claim_id from care_warning w
                        where w.status = 'OPEN' and w.reason = 'NO_JOURNAL' and w.reinspect_on < ?1
                        order by w.id limit 100""", UUID.class)
                .setParameter(1, today(now)).getResultList();
        int changed = 0;
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
        if (claim == null || !claim.active() || live(claimId) != null
                || (claim.lastJournalAt != null ? claim.lastJournalAt : claim.createdAt).isAfter(silentSince)) {
            return false;
        }
        issue(claim, CareWarning.NO_JOURNAL, null, now);
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean failIfOverdue(UUID claimId, Instant now) {
        Claim claim = lockSkipping(claimId);
        CareWarning warning = claim == null ? null : live(claimId);
        if (warning == null || !CareWarning.OPEN.equals(warning.status) || !CareWarning.NO_JOURNAL.equals(warning.reason)
                || !warning.reinspectOn.isBefore(today(now))) {
            return false;
        }
        close(warning, CareWarning.FAILED, now);
        return true;
    }

    /** The claim under a row lock, or null if another replica holds it. Warnings change only under their claim's lock. */
    private Claim lockSkipping(UUID claimId) {
        List<?> mine = em.createNativeQuery("select id from claim where id = ?1 for update skip locked")
                .setParameter(1, claimId).getResultList();
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

    public CareWarning live(UUID claimId) {
        return CareWarning.find("claimId = ?1 and status in ('OPEN', 'FAILED')", claimId).firstResult();
    }

    private CareWarning issue(Claim claim, String reason, UUID inspectionId, Instant now) {
        CareWarning warning = new CareWarning();
        warning.id = UUID.randomUUID();
        warning.claimId = claim.id;
        warning.plotId = claim.plotId;
        warning.communityId = claim.communityId;
        warning.residentId = claim.residentId;
        warning.reason = reason;
        warning.inspectionId = inspectionId;
        warning.status = CareWarning.OPEN;
        warning.reinspectOn = today(now).plusDays(config.reinspectAfter().toDays());
        warning.issuedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        warning.persist();
        outbox.publish(FarmEvents.CARE_WARNING_ISSUED, warning.id, new FarmEvents.CareWarningIssued(warning.id,
                claim.id, claim.plotId, claim.residentId, claim.communityId, reason, warning.reinspectOn));
        return warning;
    }

    private static void close(CareWarning warning, String status, Instant now) {
        warning.status = status;
        warning.closedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, config.zone());
    }
}
