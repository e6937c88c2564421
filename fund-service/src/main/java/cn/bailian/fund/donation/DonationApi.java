package cn.bailian.fund.donation;

import cn.bailian.fund.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class DonationApi {

    private DonationApi() {}

    public record CreateDonation(
            @NotNull @Schema(example = "RESIDENT") Donation.DonorKind donorKind,

            @Schema(description = "Resident or organisation id; required for RESIDENT and ORGANIZATION donors")
            UUID donorId,

            @Size(max = 100)
            @Schema(description = "The donor's name; only its masked form is ever shown", example = "胡小明")
            String displayName,

            @Schema(description = "Hide the donor from the public (always true for ANONYMOUS)", example = "false")
            Boolean anonymous,

            @NotNull
            @Min(1)
            @Max(Money.MAX_AMOUNT_FEN)
            @Schema(description = "Amount in fen (1 yuan = 100 fen)", example = "20000")
            Long amountFen,

            @NotNull @Schema(example = "WECHAT_PAY") Donation.Channel channel,

            @NotBlank
            @Size(max = 100)
            @Pattern(regexp = "[!-~]+")
            @Schema(
                    description = "The payment's external reference; the same one never books twice",
                    example = "WX4200001234202611270001")
            String paymentReference,

            @Schema(description = "Earmark for one project of this fund")
            UUID projectId) {}

    public record DonationView(
            UUID id,
            UUID fundId,
            UUID communityId,
            Donation.DonorKind donorKind,
            UUID donorId,

            @Schema(description = "Masked, or 匿名", example = "胡*")
            String displayName,

            boolean anonymous,
            @Schema(example = "20000") long amountFen,
            @Schema(example = "CNY") String currency,
            Donation.Channel channel,
            @Schema(example = "WX4200001234202611270001") String paymentReference,
            UUID projectId,
            @Schema(example = "BL-2026-000123") String receiptNumber,
            OffsetDateTime receivedAt,
            @Schema(example = "0") long refundedFen,

            @Schema(description = "Who booked it (token subject)", example = "staff-li")
            String recordedBy) {

        public static DonationView of(Donation d) {
            return new DonationView(
                    d.id,
                    d.fundId,
                    d.communityId,
                    d.donorKind,
                    d.donorId,
                    d.displayName,
                    d.anonymous,
                    d.amountFen,
                    Money.CURRENCY,
                    d.channel,
                    d.paymentReference,
                    d.projectId,
                    d.receiptNumber,
                    Money.view(d.receivedAt),
                    d.refundedFen,
                    d.recordedBy);
        }
    }

    public record CreateRefund(
            @NotNull @Min(1) @Max(Money.MAX_AMOUNT_FEN) @Schema(example = "5000")
            Long amountFen,

            @NotBlank @Size(max = 500) @Schema(example = "捐赠人重复转账，退回一笔")
            String reason) {}

    public record RefundView(
            UUID id,
            UUID donationId,
            UUID fundId,
            @Schema(example = "5000") long amountFen,
            @Schema(example = "捐赠人重复转账，退回一笔") String reason,
            OffsetDateTime refundedAt,
            @Schema(example = "staff-li") String recordedBy,

            @Schema(description = "All refunds of the donation so far", example = "5000")
            long donationRefundedFen) {}

    /** cn.bailian.fund.donation.received.v1 */
    public record DonationReceived(
            UUID donationId,
            UUID fundId,
            UUID communityId,
            Donation.DonorKind donorKind,
            UUID donorId,
            UUID residentId,
            boolean anonymous,
            String displayName,
            long amountFen,
            Donation.Channel channel,
            UUID projectId,
            String receiptNumber,
            OffsetDateTime receivedAt) {}

    /** cn.bailian.fund.donation.refunded.v1 */
    public record DonationRefunded(
            UUID refundId,
            UUID donationId,
            UUID fundId,
            UUID communityId,
            long amountFen,
            UUID residentId,
            OffsetDateTime refundedAt) {}
}
