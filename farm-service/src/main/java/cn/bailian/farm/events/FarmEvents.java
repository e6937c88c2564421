package cn.bailian.farm.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of the events farm-service publishes on {@code bailian.farm.events} (documented in
 * docs/events/farm-service.md). These records are the contract: fields are only ever added.
 */
public final class FarmEvents {

    public static final String PLOT_CLAIMED = "cn.bailian.farm.plot.claimed.v1";
    public static final String PLOT_RELEASED = "cn.bailian.farm.plot.released.v1";
    public static final String PLOT_OFFERED = "cn.bailian.farm.plot.offered.v1";
    public static final String WAITLIST_JOINED = "cn.bailian.farm.waitlist.joined.v1";
    public static final String WAITLIST_REORDERED = "cn.bailian.farm.waitlist.reordered.v1";
    public static final String LOTTERY_DRAWN = "cn.bailian.farm.lottery.drawn.v1";
    public static final String JOURNAL_RECORDED = "cn.bailian.farm.journal.recorded.v1";
    public static final String CARE_WARNING_ISSUED = "cn.bailian.farm.care.warning-issued.v1";

    private FarmEvents() {}

    public record PlotClaimed(
            UUID claimId,
            UUID plotId,
            UUID farmId,
            String plotCode,
            UUID residentId,
            UUID householdId,
            UUID communityId,
            LocalDate startsOn,
            LocalDate endsOn) {}

    public record PlotReleased(
            UUID claimId, UUID plotId, UUID farmId, UUID residentId, UUID communityId, String reason) {}

    public record PlotOffered(
            UUID offerId,
            UUID plotId,
            UUID farmId,
            UUID residentId,
            UUID communityId,
            OffsetDateTime expiresAt,
            String plotCode,
            UUID entryId,
            UUID lotteryId) {}

    public record WaitlistJoined(UUID entryId, UUID farmId, UUID residentId, UUID communityId, int position) {}

    public record WaitlistReordered(
            UUID entryId,
            UUID farmId,
            UUID residentId,
            UUID communityId,
            int fromPosition,
            int toPosition,
            String reason) {}

    public record LotteryWinner(UUID residentId, UUID plotId) {}

    public record LotteryDrawn(
            UUID lotteryId,
            UUID farmId,
            UUID communityId,
            long seed,
            String inputHash,
            int candidates,
            List<LotteryWinner> winners) {}

    public record JournalRecorded(
            UUID entryId,
            UUID plotId,
            UUID farmId,
            UUID residentId,
            UUID communityId,
            String kind,
            String crop,
            Integer quantityGrams) {}

    public record CareWarningIssued(
            UUID warningId,
            UUID claimId,
            UUID plotId,
            UUID residentId,
            UUID communityId,
            String reason,
            LocalDate reinspectOn) {}
}
