package cn.bailian.farm.journal;

import cn.bailian.farm.care.CareService;
import cn.bailian.farm.claim.Claim;
import cn.bailian.farm.events.FarmEvents;
import cn.bailian.farm.farm.Farm;
import cn.bailian.farm.journal.JournalApi.EntryView;
import cn.bailian.farm.journal.JournalApi.RecordEntry;
import cn.bailian.farm.plot.Plot;
import cn.bailian.farm.resident.ResidentService;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The claimant's planting journal; an entry also answers a warning for keeping none. */
@ApplicationScoped
public class JournalService {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    ResidentService residents;

    @Inject
    CareService care;

    /** Only the claimant records on their plot (403 NOT_PLOT_CLAIMANT otherwise). */
    @Transactional
    public EntryView record(UUID plotId, RecordEntry request) {
        Claim claim = Claim.activeOnPlot(plotId);
        if (claim == null || !caller.isResident(claim.residentId)) {
            throw new ProblemException(403, "NOT_PLOT_CLAIMANT", plotId);
        }
        em.lock(claim, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        JournalEntry entry = new JournalEntry();
        entry.id = UUID.randomUUID();
        entry.plotId = plotId;
        entry.farmId = claim.farmId;
        entry.communityId = claim.communityId;
        entry.claimId = claim.id;
        entry.residentId = claim.residentId;
        entry.kind = request.kind();
        entry.crop = request.crop() == null ? null : request.crop().strip();
        entry.quantityGrams = request.quantityGrams();
        entry.note = request.note();
        entry.photoUrl = request.photoUrl();
        entry.recordedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        entry.persist();
        claim.lastJournalAt = entry.recordedAt;
        care.journalRecorded(claim, now);
        outbox.publish(
                FarmEvents.JOURNAL_RECORDED,
                entry.id,
                new FarmEvents.JournalRecorded(
                        entry.id,
                        plotId,
                        claim.farmId,
                        claim.residentId,
                        claim.communityId,
                        entry.kind.name(),
                        entry.crop,
                        entry.quantityGrams));
        return EntryView.of(entry, Map.of(claim.residentId, residents.maskedName(claim.residentId)));
    }

    public Page<EntryView> ofPlot(UUID plotId, PageRequest page) {
        Plot.require(plotId);
        return list("plotId", plotId, page);
    }

    public Page<EntryView> ofFarm(UUID farmId, PageRequest page) {
        Farm.require(farmId);
        return list("farmId", farmId, page);
    }

    private Page<EntryView> list(String field, UUID id, PageRequest page) {
        var query = JournalEntry.<JournalEntry>find(
                field, Sort.descending("recordedAt").and("id"), id);
        List<JournalEntry> entries = query.page(page.page(), page.size()).list();
        Map<UUID, String> names = residents.maskedNames(
                entries.stream().map(e -> e.residentId).distinct().toList());
        return page.page(entries.stream().map(e -> EntryView.of(e, names)).toList(), query.count());
    }
}
