package cn.bailian.farm.lottery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response records of lotteries. */
public final class LotteryApi {

    private LotteryApi() {}

    public record DrawLottery(
            @NotNull @Min(1) @Max(100) @Schema(description = "How many AVAILABLE plots to draw for", example = "3")
            Integer plotCount,

            @Schema(description = "Seed to publish; a random one when absent", example = "20260315")
            Long seed) {}

    public record WinnerView(UUID residentId, UUID plotId) {}

    public record LotteryView(
            UUID id,
            UUID farmId,
            UUID communityId,
            @Schema(example = "20260315") long seed,

            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String inputHash,

            @Schema(description = "Resident ids in the order they were drawn from")
            List<UUID> inputResidentIds,

            List<UUID> plotIds,
            List<WinnerView> winners,
            OffsetDateTime drawnAt) {
        static LotteryView of(LotteryService.Verification v) {
            Lottery l = v.lottery();
            return new LotteryView(
                    l.id,
                    l.farmId,
                    l.communityId,
                    l.seed,
                    l.inputHash,
                    v.candidates().stream()
                            .map(LotteryDraw.Candidate::residentId)
                            .toList(),
                    v.plotIds(),
                    winnerViews(v.recorded()),
                    l.drawnAt);
        }
    }

    public record VerificationView(
            UUID lotteryId,
            @Schema(example = "20260315") long seed,

            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String inputHash,

            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String recomputedInputHash,

            List<WinnerView> winners,
            List<WinnerView> recomputedWinners,
            @Schema(example = "true") boolean matches) {
        static VerificationView of(LotteryService.Verification v) {
            return new VerificationView(
                    v.lottery().id,
                    v.lottery().seed,
                    v.lottery().inputHash,
                    v.recomputedInputHash(),
                    winnerViews(v.recorded()),
                    winnerViews(v.recomputed()),
                    v.matches());
        }
    }

    private static List<WinnerView> winnerViews(List<LotteryDraw.Winner> winners) {
        return winners.stream()
                .map(w -> new WinnerView(w.residentId(), w.plotId()))
                .toList();
    }
}
