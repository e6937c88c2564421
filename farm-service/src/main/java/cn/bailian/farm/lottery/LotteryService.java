package cn.bailian.farm.lottery;

import cn.bailian.farm.events.FarmEvents;
import cn.bailian.farm.farm.Farm;
import cn.bailian.farm.plot.Plot;
import cn.bailian.farm.resident.ResidentService;
import cn.bailian.farm.waitlist.WaitlistEntry;
import cn.bailian.farm.waitlist.WaitlistService;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
/** Public draws of free plots among a farm's waitlist, recorded so anyone can run them again. */
public class LotteryService {

    private static final SecureRandom SEEDS = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    ResidentService residents;

    @Inject
    WaitlistService waitlists;

    @Inject
    ObjectMapper json;

    /** The stored draw and the result of running it again from its stored inputs. */
    public record Verification(
            Lottery lottery,
            List<LotteryDraw.Candidate> candidates,
            List<UUID> plotIds,
            List<LotteryDraw.Winner> recorded,
            List<LotteryDraw.Winner> recomputed,
            String recomputedInputHash) {
        public boolean matches() {
            return recorded.equals(recomputed) && lottery.inputHash.equals(recomputedInputHash);
        }
    }

    /**
     * Draws {@code plotCount} of the farm's AVAILABLE plots (by code) among the eligible WAITING entries; each
     * winner gets an offer with the usual deadline.
     */
    @Transactional
    public Lottery draw(UUID farmId, int plotCount, Long seed) {
        Instant now = Instant.now();
        List<Plot> plots = Plot.lockAvailableOf(farmId); // the farm first, then its plots
        Farm farm = Farm.require(farmId);
        caller.requireStaffOf(farm.communityId);
        if (plots.size() < plotCount) {
            throw ProblemException.unprocessable("NOT_ENOUGH_PLOTS", plotCount, plots.size());
        }
        List<Plot> drawnFor = plots.subList(0, plotCount);
        List<WaitlistEntry> waiting = WaitlistEntry.list(
                "farmId = ?1 and status = ?2 order by joinedAt, id", farmId, WaitlistEntry.Status.WAITING);
        List<LotteryDraw.Candidate> candidates = new ArrayList<>();
        for (WaitlistEntry entry : waiting) {
            if (ResidentService.isEligible(residents.find(entry.residentId), farm.communityId)
                    && !waitlists.householdBusy(entry.householdId)) {
                candidates.add(new LotteryDraw.Candidate(entry.id, entry.residentId, entry.householdId));
            }
        }
        if (candidates.isEmpty()) {
            throw ProblemException.unprocessable("WAITLIST_EMPTY", farmId);
        }
        long actualSeed = seed != null ? seed : SEEDS.nextLong();
        List<UUID> plotIds = drawnFor.stream().map(p -> p.id).toList();
        List<LotteryDraw.Winner> winners = LotteryDraw.draw(actualSeed, candidates, plotIds);

        Lottery lottery = new Lottery();
        lottery.id = UUID.randomUUID();
        lottery.farmId = farmId;
        lottery.communityId = farm.communityId;
        lottery.seed = actualSeed;
        lottery.inputHash = LotteryDraw.inputHash(candidates);
        lottery.inputs = write(candidates);
        lottery.plotIds = write(plotIds);
        lottery.winners = write(winners);
        lottery.drawnBy = caller.subject();
        lottery.drawnAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        em.persist(lottery);
        outbox.publish(
                FarmEvents.LOTTERY_DRAWN,
                lottery.id,
                new FarmEvents.LotteryDrawn(
                        lottery.id,
                        farmId,
                        farm.communityId,
                        actualSeed,
                        lottery.inputHash,
                        candidates.size(),
                        winners.stream()
                                .map(w -> new FarmEvents.LotteryWinner(w.residentId(), w.plotId()))
                                .toList()));
        for (int i = 0; i < winners.size(); i++) {
            WaitlistEntry entry = WaitlistEntry.findById(winners.get(i).entryId());
            waitlists.offer(drawnFor.get(i), entry, lottery.id, now);
        }
        return lottery;
    }

    public Verification verify(UUID lotteryId) {
        Lottery lottery = Lottery.require(lotteryId);
        List<LotteryDraw.Candidate> candidates = read(lottery.inputs, new TypeReference<>() {});
        List<UUID> plotIds = read(lottery.plotIds, new TypeReference<>() {});
        List<LotteryDraw.Winner> recorded = read(lottery.winners, new TypeReference<>() {});
        return new Verification(
                lottery,
                candidates,
                plotIds,
                recorded,
                LotteryDraw.draw(lottery.seed, candidates, plotIds),
                LotteryDraw.inputHash(candidates));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored lottery unreadable", e);
        }
    }
}
