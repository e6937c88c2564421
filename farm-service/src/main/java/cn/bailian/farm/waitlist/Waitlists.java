package cn.bailian.farm.waitlist;

import cn.bailian.kit.db.Constraints;
import cn.bailian.farm.FarmConfig;
import cn.bailian.farm.claim.Claim;
import cn.bailian.farm.claim.Claims;
import cn.bailian.farm.events.FarmEvents;
import cn.bailian.farm.farm.Farm;
import cn.bailian.farm.plot.Plot;
import cn.bailian.farm.plot.PlotStatus;
import cn.bailian.farm.resident.ResidentProjection;
import cn.bailian.farm.resident.Residents;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The waitlist of a farm and the offers made from it. Every change takes the farm's row lock first, so
 * positions and offers are decided one at a time per farm, on any number of replicas.
 */
@ApplicationScoped
public class Waitlists {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Waitlists.class);
    static final Sort ORDER = Sort.by("sortKey").and("joinedAt").and("id");

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Residents residents;
    @Inject
    Claims claims;
    @Inject
    FarmConfig config;

    public record Positioned(WaitlistEntry entry, int position) {
    }

    @Transactional
    public Positioned join(UUID farmId, UUID residentId) {
        Farm farm = Farm.lock(farmId);
        ResidentProjection resident = residents.requireEligible(residentId, farm.communityId);
        if (Claim.count("householdId = ?1 and status = ?2", resident.householdId, Claim.ACTIVE) > 0) {
            throw ProblemException.conflict("HOUSEHOLD_ALREADY_HAS_PLOT", resident.householdId);
        }
        if (WaitlistEntry.count("farmId = ?1 and residentId = ?2 and status in ('WAITING', 'OFFERED')", farmId, residentId) > 0) {
            throw ProblemException.conflict("ALREADY_ON_WAITLIST", residentId);
        }
        Long last = em.createQuery("select max(e.sortKey) from WaitlistEntry e where e.farmId = ?1", Long.class)
                .setParameter(1, farmId).getSingleResult();
        WaitlistEntry entry = new WaitlistEntry();
        entry.id = UUID.randomUUID();
        entry.farmId = farmId;
        entry.communityId = farm.communityId;
        entry.residentId = residentId;
        entry.householdId = resident.householdId;
        entry.status = WaitlistEntry.WAITING;
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
        outbox.publish(FarmEvents.WAITLIST_JOINED, entry.id,
                new FarmEvents.WaitlistJoined(entry.id, farmId, residentId, farm.communityId, position));
        return new Positioned(entry, position);
    }

    /** The resident leaves the list; an offer they hold passes on. */
    @Transactional
    public void leave(UUID entryId) {
        UUID farmId = em.createQuery("select e.farmId from WaitlistEntry e where e.id = ?1", UUID.class)
                .setParameter(1, entryId).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("WAITLIST_ENTRY_NOT_FOUND", entryId));
        Farm.lock(farmId);
        WaitlistEntry entry = WaitlistEntry.lock(entryId);
        if (!entry.onList()) {
            throw ProblemException.conflict("WAITLIST_ENTRY_NOT_ACTIVE", entryId);
        }
        end(entry, WaitlistEntry.LEFT, "LEFT", Instant.now());
    }

    public List<Positioned> onList(UUID farmId) {
        List<WaitlistEntry> entries = WaitlistEntry.list("farmId = ?1 and status in ('WAITING', 'OFFERED')", ORDER, farmId);
        List<Positioned> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            result.add(new Positioned(entries.get(i), i + 1));
        }
        return result;
    }

    public int positionOf(WaitlistEntry entry) {
        if (!entry.onList()) {
            return 0;
        }
        List<Positioned> list = onList(entry.farmId);
        return list.stream().filter(p -> p.entry().id.equals(entry.id)).findFirst().map(Positioned::position).orElse(0);
    }

    /** A manual move by staff; the reason is kept and published, since it overrides first come, first served. */
    @Transactional
    public Positioned reorder(UUID entryId, int toPosition, String reason, String staff) {
        UUID farmId = em.createQuery("select e.farmId from WaitlistEntry e where e.id = ?1", UUID.class)
                .setParameter(1, entryId).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("WAITLIST_ENTRY_NOT_FOUND", entryId));
        Farm.lock(farmId);
        List<WaitlistEntry> entries = new ArrayList<>(onList(farmId).stream().map(Positioned::entry).toList());
        WaitlistEntry entry = entries.stream().filter(e -> e.id.equals(entryId)).findFirst()
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
                .setParameter(1, UUID.randomUUID()).setParameter(2, entry.id).setParameter(3, entry.farmId)
                .setParameter(4, from).setParameter(5, toPosition).setParameter(6, reason).setParameter(7, staff)
                .executeUpdate();
        outbox.publish(FarmEvents.WAITLIST_REORDERED, entry.id, new FarmEvents.WaitlistReordered(entry.id,
                entry.farmId, entry.residentId, entry.communityId, from, toPosition, reason));
        return new Positioned(entry, toPosition);
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
        List<WaitlistEntry> waiting = WaitlistEntry.list("farmId = ?1 and status = ?2", ORDER, plot.farmId, WaitlistEntry.WAITING);
        for (WaitlistEntry entry : waiting) {
            ResidentProjection resident = residents.find(entry.residentId);
            if (!Residents.isEligible(resident, entry.communityId)) {
                end(entry, WaitlistEntry.REMOVED, "NOT_ELIGIBLE", now);
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
        offer.status = Offer.PENDING;
        offer.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        offer.expiresAt = OffsetDateTime.ofInstant(now.plus(config.offerDeadline()), ZoneOffset.UTC);
        entry.status = WaitlistEntry.OFFERED;
        plot.status = PlotStatus.OFFERED;
        em.persist(offer);
        outbox.publish(FarmEvents.PLOT_OFFERED, offer.id, new FarmEvents.PlotOffered(offer.id, plot.id, plot.farmId,
                offer.residentId, offer.communityId, offer.expiresAt, plot.code, entry.id, lotteryId));
        return offer;
    }

    public boolean householdBusy(UUID householdId) {
        return Claim.count("householdId = ?1 and status = ?2", householdId, Claim.ACTIVE) > 0
                || Offer.count("householdId = ?1 and status = ?2", householdId, Offer.PENDING) > 0;
    }

    @Transactional
    public Claim accept(UUID offerId) {
        Instant now = Instant.now();
        Offer offer = lockPending(offerId);
        if (offer.expiresAt.toInstant().isBefore(now)) {
            throw ProblemException.conflict("OFFER_EXPIRED", offer.expiresAt);
        }
        Plot plot = Plot.lock(offer.plotId);
        ResidentProjection resident = residents.requireEligible(offer.residentId, offer.communityId);
        Claim claim = claims.create(plot, resident, offer.id, null, now);
        offer.status = Offer.ACCEPTED;
        offer.decidedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        WaitlistEntry entry = WaitlistEntry.lock(offer.waitlistEntryId);
        entry.status = WaitlistEntry.CLAIMED;
        entry.endedAt = offer.decidedAt;
        entry.endReason = "CLAIMED";
        return claim;
    }

    @Transactional
    public Offer decline(UUID offerId) {
        Offer offer = lockPending(offerId);
        close(offer, Offer.DECLINED, WaitlistEntry.REMOVED, "DECLINED", Instant.now());
        return offer;
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
                        select id from offer where status = 'PENDING' and expires_at < ?1 order by expires_at limit 100""", UUID.class)
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getResultList();
        int settled = 0;
        for (UUID id : due) {
            try {
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
                        select id from offer where id = ?1 and status = 'PENDING' and expires_at < ?2 for update skip locked""")
                .setParameter(1, offerId).setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getResultList();
        if (mine.isEmpty()) {
            return false;
        }
        close(Offer.findById(offerId), Offer.LAPSED, WaitlistEntry.REMOVED, "LAPSED", now);
        return true;
    }

    /** A resident who moved out leaves every list; offers they hold pass on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeForMoveOut(UUID residentId, Instant now) {
        List<WaitlistEntry> entries = WaitlistEntry.list("residentId = ?1 and status in ('WAITING', 'OFFERED')", residentId);
        for (WaitlistEntry entry : entries) {
            Farm.lock(entry.farmId);
            em.lock(entry, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            em.refresh(entry);
            if (entry.onList()) {
                end(entry, WaitlistEntry.REMOVED, "MOVED_OUT", now);
            }
        }
    }

    /** Takes an entry off the list; a pending offer of it is withdrawn and the plot passes on. */
    private void end(WaitlistEntry entry, String status, String reason, Instant now) {
        Offer pending = Offer.find("waitlistEntryId = ?1 and status = ?2", entry.id, Offer.PENDING).firstResult();
        if (pending != null) {
            em.lock(pending, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            close(pending, Offer.WITHDRAWN, status, reason, now);
            return;
        }
        entry.status = status;
        entry.endReason = reason;
        entry.endedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    private void close(Offer offer, String offerStatus, String entryStatus, String reason, Instant now) {
        Farm.lock(offer.farmId);
        offer.status = offerStatus;
        offer.decidedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        WaitlistEntry entry = WaitlistEntry.lock(offer.waitlistEntryId);
        entry.status = entryStatus;
        entry.endReason = reason;
        entry.endedAt = offer.decidedAt;
        em.flush(); // the plot's pending-offer slot is free before the next offer is made
        Plot plot = Plot.lock(offer.plotId);
        if (plot.status == PlotStatus.OFFERED) {
            plot.status = PlotStatus.AVAILABLE;
            offerNext(plot, now);
        }
    }

    private Offer lockPending(UUID offerId) {
        Offer offer = Offer.lock(offerId);
        if (!Offer.PENDING.equals(offer.status)) {
            throw ProblemException.conflict("OFFER_NOT_PENDING", offer.id, offer.status);
        }
        return offer;
    }
}
