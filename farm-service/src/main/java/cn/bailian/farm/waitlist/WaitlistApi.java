package cn.bailian.farm.waitlist;

import cn.bailian.farm.plot.Plot;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Request and response records of the waitlist and its offers. */
public final class WaitlistApi {

    private WaitlistApi() {}

    public record JoinWaitlist(
            @NotNull @Schema(example = "3b0f6c1e-2d4a-4e8b-9c71-5a6e8f0d2b34")
            UUID residentId) {}

    public record MoveEntry(
            @NotNull @Min(1) @Schema(example = "1") Integer position,

            @NotBlank @Size(max = 500) @Schema(example = "行动不便的老人，优先安排靠近入口的地块")
            String reason) {}

    /** What the resident and staff see of an entry. */
    public record EntryView(
            UUID id,
            UUID farmId,
            UUID residentId,
            @Schema(example = "胡*") String residentName,
            @Schema(example = "WAITING") String status,
            @Schema(example = "3") int position,
            OffsetDateTime joinedAt,
            @Schema(example = "CLAIMED") String endReason) {
        static EntryView of(WaitlistEntry entry, int position, String maskedName) {
            return new EntryView(
                    entry.id,
                    entry.farmId,
                    entry.residentId,
                    maskedName,
                    entry.status.name(),
                    position,
                    entry.joinedAt,
                    entry.endReason == null ? null : entry.endReason.name());
        }
    }

    /** What anyone sees: position and a masked name, no ids of people. */
    public record PublicEntryView(
            UUID id,
            @Schema(example = "1") int position,
            @Schema(example = "胡*") String residentName,
            @Schema(example = "WAITING") String status,
            OffsetDateTime joinedAt) {}

    public record OfferView(
            UUID id,
            UUID plotId,
            @Schema(example = "A-03") String plotCode,
            UUID farmId,
            UUID residentId,
            UUID waitlistEntryId,
            UUID lotteryId,
            @Schema(example = "PENDING") String status,
            OffsetDateTime expiresAt,
            OffsetDateTime createdAt,
            OffsetDateTime decidedAt) {
        static OfferView of(Offer offer) {
            Plot plot = Plot.findById(offer.plotId);
            return new OfferView(
                    offer.id,
                    offer.plotId,
                    plot == null ? null : plot.code,
                    offer.farmId,
                    offer.residentId,
                    offer.waitlistEntryId,
                    offer.lotteryId,
                    offer.status.name(),
                    offer.expiresAt,
                    offer.createdAt,
                    offer.decidedAt);
        }
    }
}
