package cn.bailian.farm.claim;

import cn.bailian.farm.plot.Plot;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Request and response records of claims. */
public final class ClaimApi {

    private ClaimApi() {}

    public record CreateClaim(
            @NotNull @Schema(example = "3b0f6c1e-2d4a-4e8b-9c71-5a6e8f0d2b34")
            UUID residentId,

            @Min(1) @Max(24) @Schema(description = "Term in months; default 12", example = "12")
            Integer termMonths) {}

    public record RevokeClaim(
            @NotBlank @Size(max = 500) @Schema(example = "两次巡查均无人打理，已书面提醒")
            String reason) {}

    public record ClaimView(
            UUID id,
            UUID plotId,
            @Schema(example = "A-01") String plotCode,
            UUID farmId,
            UUID communityId,
            UUID residentId,
            UUID householdId,
            @Schema(example = "ACTIVE") String status,
            @Schema(example = "2026-03-01") LocalDate startsOn,
            @Schema(example = "2027-02-28") LocalDate endsOn,
            @Schema(example = "RELEASED") String endReason,
            OffsetDateTime endedAt,
            UUID offerId,
            OffsetDateTime createdAt,
            long version) {
        public static ClaimView of(Claim claim) {
            Plot plot = Plot.findById(claim.plotId);
            return new ClaimView(
                    claim.id,
                    claim.plotId,
                    plot == null ? null : plot.code,
                    claim.farmId,
                    claim.communityId,
                    claim.residentId,
                    claim.householdId,
                    claim.status.name(),
                    claim.startsOn,
                    claim.endsOn,
                    claim.endReason == null ? null : claim.endReason.name(),
                    claim.endedAt,
                    claim.offerId,
                    claim.createdAt,
                    claim.version);
        }
    }
}
