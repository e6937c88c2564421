package cn.bailian.fund.disbursement;

import cn.bailian.fund.Money;
import cn.bailian.kit.pii.Masking;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class DisbursementApi {

    private DisbursementApi() {}

    public record CreateDisbursement(
            @NotNull @Min(1) @Max(Money.MAX_AMOUNT_FEN) @Schema(description = "Amount in fen", example = "150000")
            Long amountFen,

            @Schema(
                    description =
                            "ORGANIZATION (default when payeeOrganizationId is given): an organisation registered in the community, named by payeeOrganizationId. "
                                    + "INDIVIDUAL or OUTSIDE: a person, or a payee outside the community's register, named in free text (payee).")
            Disbursement.PayeeKind payeeKind,

            @Schema(description = "The organisation paid; required for ORGANIZATION, not allowed otherwise")
            UUID payeeOrganizationId,

            @Size(max = 200)
            @Schema(
                    description =
                            "Free-text payee; required for INDIVIDUAL and OUTSIDE, not allowed for ORGANIZATION (its registered name is used)",
                    example = "成都市某某五金店")
            String payee,

            @NotBlank @Size(max = 500) @Schema(example = "第一期课程讲师费与材料费")
            String purpose,

            @NotBlank @Size(max = 100) @Schema(description = "The invoice (发票) number", example = "51012345 00123456")
            String invoiceReference) {}

    public record DisbursementView(
            UUID id,
            UUID projectId,
            UUID fundId,
            UUID communityId,
            @Schema(example = "150000") long amountFen,
            @Schema(example = "CNY") String currency,

            @Schema(
                    example = "成都某社工服务中心",
                    description =
                            "The organisation's registered name when paid, or the free text of an outside payee; an individual's name is masked for everyone but staff")
            String payee,

            @Schema(example = "第一期课程材料费") String purpose,

            @Schema(
                    description = "Shown to staff of the community only; null for everyone else",
                    example = "INV-2026-0042")
            String invoiceReference,

            OffsetDateTime disbursedAt,

            @Schema(description = "Who booked it (token subject); staff only", example = "staff-li")
            String recordedBy,

            @Schema(description = "The project's budget left after this payment", example = "650000")
            Long remainingBudgetFen,

            Disbursement.PayeeKind payeeKind,

            @Schema(description = "The organisation paid (ORGANIZATION only)")
            UUID payeeOrganizationId) {

        static DisbursementView of(Disbursement d, boolean details, Long remainingBudgetFen) {
            // a person's name is personal data: the public sees it masked, like a named donor's
            String payee =
                    d.payeeKind == Disbursement.PayeeKind.INDIVIDUAL && !details ? Masking.name(d.payee) : d.payee;
            return new DisbursementView(
                    d.id,
                    d.projectId,
                    d.fundId,
                    d.communityId,
                    d.amountFen,
                    Money.CURRENCY,
                    payee,
                    d.purpose,
                    details ? d.invoiceReference : null,
                    Money.view(d.disbursedAt),
                    details ? d.recordedBy : null,
                    remainingBudgetFen,
                    d.payeeKind,
                    d.payeeOrganizationId);
        }
    }

    /** cn.bailian.fund.grant.disbursed.v1 */
    public record GrantDisbursed(
            UUID disbursementId,
            UUID projectId,
            UUID fundId,
            UUID communityId,
            UUID activityId,
            long amountFen,
            OffsetDateTime disbursedAt) {}
}
