package cn.bailian.farm.waitlist;

import cn.bailian.farm.FarmConfig;
import cn.bailian.farm.claim.Claim;
import cn.bailian.farm.claim.ClaimApi.ClaimView;
import cn.bailian.farm.claim.ClaimService;
import cn.bailian.farm.events.FarmEvents;
import cn.bailian.farm.farm.Farm;
import cn.bailian.farm.plot.Plot;
import cn.bailian.farm.plot.PlotFreed;
import cn.bailian.farm.plot.PlotStatus;
import cn.bailian.farm.resident.ResidentMovedOut;
import cn.bailian.farm.resident.ResidentProjection;
import cn.bailian.farm.resident.ResidentService;
import cn.bailian.farm.waitlist.WaitlistApi.EntryView;
import cn.bailian.farm.waitlist.WaitlistApi.OfferView;
import cn.bailian.farm.waitlist.WaitlistApi.PublicEntryView;
import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The waitlist of a farm and the offers made from it. Every change takes the farm's row lock first, so
 * positions and offers are decided one at a time per farm, on any number of replicas. Freed plots reach it as
 * {@link PlotFreed} events, residents who moved out as {@link ResidentMovedOut}: the features that free plots and
 * project residents know nothing of waitlists.
 */
@ApplicationScoped
public class WaitlistService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(WaitlistService.class);
    static final Sort ORDER = Sort.by("sortKey").and("joinedAt").and("id");

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    ResidentService residents;

    @Inject
    ClaimService claims;

    @Inject
    FarmConfig config;

    public record Positioned(WaitlistEntry entry, int position) {}

    private EntryView view(Positioned positioned) {
        WaitlistEntry entry = positioned.entry();
        return EntryView.of(entry, positioned.position(), residents.maskedName(entry.residentId));
    }

    @Transactional
    public EntryView join(UUID farmId, UUID residentId) {
        Farm farm = Farm.lock(farmId);
        caller.requireSelfOrStaff(residentId, farm.communityId);
        ResidentProjection resident = residents.requireEligible(residentId, farm.communityId);
        Claim.requireNoOtherPlot(resident.householdId);
        if (WaitlistEntry.count(
                        "farmId = ?1 and residentId = ?2 and status in ?3",
                        farmId,
                        residentId,
                        WaitlistEntry.Status.ON_LIST)
                > 0) {
            throw ProblemException.conflict("ALREADY_ON_WAITLIST", residentId);
        }
        Long last = em.createQuery("select max(e.sortKey) from WaitlistEntry e where e.farmId = ?1", Long.class)
                .setParameter(1, farmId)
                .getSingleResult();
        WaitlistEntry entry = new WaitlistEntry();
        entry.id = UUID.randomUUID();
        entry.farmId = farmId;
        entry.communityId = farm.communityId;
        entry.residentId = residentId;
        entry.householdId = resident.householdId;
        entry.status = WaitlistEntry.Status.WAITING;
        entry.sortKey = last == null ? 1 : last + 1;
        entry.joinedAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            em.persist(entry);
            em.flush();
        } catch (PersistenceException e) {
            if ("waitlist_once_per_farm".equals(Constraints.violated(e))) {
                throw ProblemException.conflict("ALREADY_ON_WAITLIST", residentId);
            }
            throw e;
        }
        int position = positionOf(entry);
        outbox.publish(
                FarmEvents.WAITLIST_JOINED,
                entry.id,
                new FarmEvents.WaitlistJoined(entry.id, farmId, residentId, farm.communityId, position));
        return view(new Positioned(entry, position));
    }

    /** One entry with its current position, for its resident or staff. */
    public EntryView get(UUID entryId) {
        WaitlistEntry entry = WaitlistEntry.require(entryId);
        caller.requireSelfOrStaff(entry.residentId, entry.communityId);
        return view(new Positioned(entry, positionOf(entry)));
    }

    /** The resident (or staff) take the entry off the list; an offer it holds passes on. */
    @Transactional
    public void leave(UUID entryId) {
        Farm.lock(farmOf(entryId));
        WaitlistEntry entry = WaitlistEntry.lock(entryId);
        caller.requireSelfOrStaff(entry.residentId, entry.communityId);
        end(entry, WaitlistEntry.EndReason.LEFT, Instant.now());
    }

    /** The farm's list in order, for anyone (404 FARM_NOT_FOUND): positions and masked names, no ids of people. */
    public Page<PublicEntryView> listOf(UUID farmId, PageRequest page) {
        Farm.require(farmId);
        List<Positioned> all = onList(farmId);
        List<Positioned> slice =
                all.stream().skip(page.offset()).limit(page.size()).toList();
        Map<UUID, String> names = residents.maskedNames(
                slice.stream().map(p -> p.entry().residentId).toList());
        return page.page(
                slice.stream()
                        .map(p -> new PublicEntryView(
                                p.entry().id,
                                p.position(),
                                names.getOrDefault(p.entry().residentId, "*"),
                                p.entry().status.name(),
                                p.entry().joinedAt))
                        .toList(),
                all.size());
    }

    List<Positioned> onList(UUID farmId) {
        List<WaitlistEntry> entries =
                WaitlistEntry.list("farmId = ?1 and status in ?2", ORDER, farmId, WaitlistEntry.Status.ON_LIST);
        List<Positioned> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            result.add(new Positioned(entries.get(i), i + 1));
        }
        return result;
    }

    int positionOf(WaitlistEntry entry) {
        if (!entry.onList()) {
            return 0;
        }
        List<Positioned> list = onList(entry.farmId);
        return list.stream()
                .filter(p -> p.entry().id.equals(entry.id))
                .findFirst()
                .map(Positioned::position)
                .orElse(0);
    }

    /** A manual move by staff; the reason is kept and published, since it overrides first come, first served. */
    @Transactional
    public EntryView reorder(UUID entryId, int toPosition, String reason) {
        UUID farmId = farmOf(entryId);
        Farm.lock(farmId);
        caller.requireStaffOf(WaitlistEntry.require(entryId).communityId);
        List<WaitlistEntry> entries =
                new ArrayList<>(onList(farmId).stream().map(Positioned::entry).toList());
        WaitlistEntry entry = entries.stream()
                .filter(e -> e.id.equals(entryId))
                .findFirst()
                .orElseThrow(() -> ProblemException.conflict("WAITLIST_ENTRY_NOT_ACTIVE", entryId));
        if (toPosition > entries.size()) {
            throw ProblemException.invalidField("position", "Max", "must be at most " + entries.size());
        }
        int from = entries.indexOf(entry) + 1;
        entries.remove(entry);
        entries.add(toPosition - 1, entry);
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).sortKey = i + 1;
        }
        em.createNativeQuery("""
                        insert into waitlist_reorder (id, entry_id, farm_id, from_position, to_position, reason, staff, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, entry.id)
                .setParameter(3, entry.farmId)
                .setParameter(4, from)
                .setParameter(5, toPosition)
                .setParameter(6, reason)
                .setParameter(7, caller.subject())
                .executeUpdate();
        outbox.publish(
                FarmEvents.WAITLIST_REORDERED,
                entry.id,
                new FarmEvents.WaitlistReordered(
                        entry.id, entry.farmId, entry.residentId, entry.communityId, from, toPosition, reason));
        return view(new Positioned(entry, toPosition));
    }

    /** A plot was freed (and locked with its farm) in this transaction: it goes to the next in line. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onPlotFreed(@Observes PlotFreed freed) {
        // offerNext is this bean's own method: ArC intercepts the call (unlike Spring), so its MANDATORY holds
        offerNext(freed.plot(), freed.at());
    }

    /**
     * Offers a plot that has just become AVAILABLE (and is locked, with its farm, by the caller) to the first
     * eligible resident on the list whose household holds neither a plot nor another offer. If nobody
     * qualifies the plot stays AVAILABLE.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Offer offerNext(Plot plot, Instant now) {
        if (plot.status != PlotStatus.AVAILABLE) {
            return null;
        }
        List<WaitlistEntry> waiting =
                WaitlistEntry.list("farmId = ?1 and status = ?2", ORDER, plot.farmId, WaitlistEntry.Status.WAITING);
        for (WaitlistEntry entry : waiting) {
            ResidentProjection resident = residents.find(entry.residentId);
            if (!ResidentService.isEligible(resident, entry.communityId)) {
                end(entry, WaitlistEntry.EndReason.NOT_ELIGIBLE, now);
                continue;
            }
            if (householdBusy(entry.householdId)) {
                continue;
            }
            return offer(plot, entry, null, now);
        }
        return null;
    }

    /** Makes an offer on a locked AVAILABLE plot to a locked WAITING entry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Offer offer(Plot plot, WaitlistEntry entry, UUID lotteryId, Instant now) {
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.plotId = plot.id;
        offer.farmId = plot.farmId;
        offer.communityId = plot.communityId;
        offer.waitlistEntryId = entry.id;
        offer.residentId = entry.residentId;
        offer.householdId = entry.householdId;
        offer.lotteryId = lotteryId;
        offer.status = Offer.Status.PENDING;
        offer.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        offer.expiresAt = OffsetDateTime.ofInstant(now.plus(config.offerDeadline()), ZoneOffset.UTC);
        entry.offered();
        plot.status = PlotStatus.OFFERED;
        em.persist(offer);
        outbox.publish(
                FarmEvents.PLOT_OFFERED,
                offer.id,
                new FarmEvents.PlotOffered(
                        offer.id,
                        plot.id,
                        plot.farmId,
                        offer.residentId,
                        offer.communityId,
                        offer.expiresAt,
                        plot.code,
                        entry.id,
                        lotteryId));
        return offer;
    }

    /** The household holds a plot (the household rule) or waits on another offer: it is skipped for now. */
    public boolean householdBusy(UUID householdId) {
        return Claim.householdHoldsPlot(householdId) || Offer.householdHoldsOffer(householdId);
    }

    public OfferView getOffer(UUID offerId) {
        Offer offer = Offer.require(offerId);
        caller.requireSelfOrStaff(offer.residentId, offer.communityId);
        return OfferView.of(offer);
    }

    /** A resident's offers, newest first (400 without residentId; themselves or staff). */
    public Page<OfferView> offersOf(UUID residentId, PageRequest page) {
        if (residentId == null) {
            throw ProblemException.invalidField("residentId", "NotNull", "must not be null");
        }
        residents.requireSelfOrStaffOfResident(residentId);
        var query = Offer.<Offer>find("residentId", Sort.descending("createdAt").and("id"), residentId);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(OfferView::of)
                        .toList(),
                query.count());
    }

    @Transactional
    public ClaimView accept(UUID offerId) {
        Instant now = Instant.now();
        Offer offer = lockAsSelfOrStaff(offerId);
        offer.accept(now);
        Plot plot = Plot.lock(offer.plotId);
        ResidentProjection resident = residents.requireEligible(offer.residentId, offer.communityId);
        Claim claim = claims.create(plot, resident, offer.id, null, now);
        WaitlistEntry.lock(offer.waitlistEntryId).end(WaitlistEntry.EndReason.CLAIMED, now);
        return ClaimView.of(claim);
    }

    @Transactional
    public OfferView decline(UUID offerId) {
        Instant now = Instant.now();
        Offer offer = lockAsSelfOrStaff(offerId);
        offer.decline(now);
        passOn(offer, WaitlistEntry.EndReason.DECLINED, now);
        return OfferView.of(offer);
    }

    /**
     * Offers whose deadline passed go to the next in line. Each offer is settled in its own transaction under
     * {@code for update skip locked}, so two replicas share the work, never do it twice, and one failing offer
     * holds up no other. Returns how many this call settled.
     */
    @ActivateRequestContext // the candidates are read outside any transaction, also from the scheduler
    public int lapse(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        select id from offer where status = ?1 and expires_at < ?2 order by expires_at limit 100""", UUID.class)
                .setParameter(1, Offer.Status.PENDING.name())
                .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .getResultList();
        int settled = 0;
        for (UUID id : due) {
            try {
                // this bean's own method: ArC intercepts the call (unlike Spring), so each offer has its own
                // transaction
                if (lapseOne(id, now)) {
                    settled++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("offer %s could not be lapsed now: %s", id, e.toString());
            }
        }
        return settled;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean lapseOne(UUID offerId, Instant now) {
        List<?> mine = em.createNativeQuery("""
                        select id from offer where id = ?1 and status = ?2 and expires_at < ?3 for update skip locked""")
                .setParameter(1, offerId)
                .setParameter(2, Offer.Status.PENDING.name())
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .getResultList();
        if (mine.isEmpty()) {
            return false;
        }
        Offer offer = Offer.findById(offerId);
        offer.lapse(now);
        passOn(offer, WaitlistEntry.EndReason.LAPSED, now);
        return true;
    }

    /** A resident who moved out leaves every list; offers they hold pass on. Runs after claims have ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onMovedOut(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) ResidentMovedOut movedOut) {
        List<WaitlistEntry> entries = WaitlistEntry.list(
                "residentId = ?1 and status in ?2", movedOut.residentId(), WaitlistEntry.Status.ON_LIST);
        for (WaitlistEntry entry : entries) {
            Farm.lock(entry.farmId);
            em.lock(entry, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(entry);
            if (entry.onList()) {
                end(entry, WaitlistEntry.EndReason.MOVED_OUT, movedOut.at());
            }
        }
    }

    /** Takes an entry off the list; a pending offer of it is withdrawn and the plot passes on. */
    private void end(WaitlistEntry entry, WaitlistEntry.EndReason reason, Instant now) {
        Offer pending = Offer.pendingOf(entry.id);
        if (pending != null) {
            em.lock(pending, LockModeType.PESSIMISTIC_WRITE);
            pending.withdraw(now);
            passOn(pending, reason, now);
            return;
        }
        entry.end(reason, now);
    }

    /** A decided offer: its entry leaves the list for {@code reason}, and the plot goes to the next in line. */
    private void passOn(Offer offer, WaitlistEntry.EndReason reason, Instant now) {
        Plot plot = Plot.lockWithFarm(offer.plotId);
        WaitlistEntry.lock(offer.waitlistEntryId).end(reason, now);
        em.flush(); // the plot's pending-offer slot is free before the next offer is made
        if (plot.status == PlotStatus.OFFERED) {
            plot.status = PlotStatus.AVAILABLE;
            offerNext(plot, now);
        }
    }

    private UUID farmOf(UUID entryId) {
        return em.createQuery("select e.farmId from WaitlistEntry e where e.id = ?1", UUID.class)
                .setParameter(1, entryId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("WAITLIST_ENTRY_NOT_FOUND", entryId));
    }

    private Offer lockAsSelfOrStaff(UUID offerId) {
        Offer offer = Offer.lock(offerId);
        caller.requireSelfOrStaff(offer.residentId, offer.communityId);
        return offer;
    }
}
