package cn.bailian.fund.disbursement;

import cn.bailian.fund.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class DisbursementViews {

    private DisbursementViews() {
    }

    public record CreateDisbursement(
            @NotNull @Min(1) @Max(Money.MAX_AMOUNT_FEN) @Schema(description = "Amount in fen", example = "150000") Long amountFen,
            @NotBlank @Size(max = 200) @Schema(example = "成都某某社会工作服务中心") String payee,
            @NotBlank @Size(max = 500) @Schema(example = "第一期课程讲师费与材料费") String purpose,
            @NotBlank @Size(max = 100) @Schema(description = "The invoice (发票) number", example = "51012345 00123456") String invoiceReference) {
    }

    public record DisbursementView(
            UUID id, UUID projectId, UUID fundId, UUID communityId,
            @Schema(example = "150000") long amountFen,
            @Schema(example = "CNY") String currency,
            @Schema(example = "成都某社工服务中心") String payee, @Schema(example = "第一期课程材料费") String purpose,
            @Schema(description = "Shown to staff of the community only; null for everyone else", example = "INV-2026-0042") String invoiceReference,
            OffsetDateTime disbursedAt,
            @Schema(description = "Who booked it (token subject); staff only", example = "staff-li") String recordedBy,
            @Schema(description = "The project's budget left after this payment", example = "650000") Long remainingBudgetFen) {

        static DisbursementView of(Disbursement d, boolean details, Long remainingBudgetFen) {
            return new DisbursementView(d.id, d.projectId, d.fundId, d.communityId, d.amountFen, Money.CURRENCY, d.payee,
                    d.purpose, details ? d.invoiceReference : null, Money.view(d.disbursedAt), details ? d.recordedBy : null,
                    remainingBudgetFen);
        }
    }

    /** cn.bailian.fund.grant.disbursed.v1 */
    public record GrantDisbursed(UUID disbursementId, UUID projectId, UUID fundId, UUID communityId, UUID activityId,
                                 long amountFen, OffsetDateTime disbursedAt) {
    }
}
