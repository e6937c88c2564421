package cn.bailian.farm.care;

import cn.bailian.farm.FarmConfig;
import cn.bailian.farm.claim.Claim;
import cn.bailian.farm.events.FarmEvents;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
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
     * no-journal warnings still open after their re-inspection date. Safe with two replicas (skip locked).
     */
    @Transactional
    public int check(Instant now) {
        OffsetDateTime silentSince = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(7L * config.neglectWeeks())), ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<UUID> silent = em.createNativeQuery("""
                        select c.id from claim c
                        where c.status = 'ACTIVE' and coalesce(c.last_journal_at, c.created_at) < ?1
                          and not exists (select 1 from care_warning w where w.claim_id = c.id and w.status in ('OPEN', 'FAILED'))
                        order by c.id limit 100 for update of c skip locked""", UUID.class)
                .setParameter(1, silentSince).getResultList();
        for (UUID id : silent) {
            issue(Claim.findById(id), CareWarning.NO_JOURNAL, null, now);
        }
        @SuppressWarnings("unchecked")
        List<UUID> overdue = em.createNativeQuery("""
                        select w.id from care_warning w
                        where w.status = 'OPEN' and w.reason = 'NO_JOURNAL' and w.reinspect_on < ?1
                        order by w.id limit 100 for update skip locked""", UUID.class)
                .setParameter(1, today(now)).getResultList();
        for (UUID id : overdue) {
            close(CareWarning.findById(id), CareWarning.FAILED, now);
        }
        return silent.size() + overdue.size();
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
