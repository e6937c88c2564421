package cn.bailian.fund.fund;

import cn.bailian.fund.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class FundApi {

    private FundApi() {}

    public record CreateFund(
            @NotNull @Schema(example = "6f1c2a4e-1f0b-4c1e-9a55-0d6c1b3f7a10")
            UUID communityId,

            @NotBlank @Size(max = 200) @Schema(example = "白莲社区发展治理共享基金")
            String name,

            @NotNull @Schema(example = "COMMUNITY") Fund.Kind kind) {}

    public record FundView(
            UUID id,
            UUID communityId,
            @Schema(example = "白莲社区发展治理共享基金") String name,
            Fund.Kind kind,
            @Schema(example = "CNY") String currency,

            @Schema(description = "Money in the fund now, in fen", example = "1250000")
            long balanceFen,

            @Schema(example = "2000000") long donatedFen,
            @Schema(example = "50000") long refundedFen,
            @Schema(example = "700000") long disbursedFen,

            @Schema(description = "Number of ledger entries", example = "42")
            long ledgerEntries,

            OffsetDateTime createdAt,
            long version) {

        public static FundView of(Fund fund) {
            return new FundView(
                    fund.id,
                    fund.communityId,
                    fund.name,
                    fund.kind,
                    Money.CURRENCY,
                    fund.balanceFen,
                    fund.donatedFen,
                    fund.refundedFen,
                    fund.disbursedFen,
                    fund.ledgerSeq,
                    Money.view(fund.createdAt),
                    fund.version);
        }
    }
}
