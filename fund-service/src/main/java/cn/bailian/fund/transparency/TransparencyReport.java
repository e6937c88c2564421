package cn.bailian.fund.transparency;

import cn.bailian.fund.donation.Donation;
import cn.bailian.fund.project.Project;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A fund's public monthly report. Closing = opening + donations − refunds − spending. */
public record TransparencyReport(
        UUID fundId,
        @Schema(example = "白莲社区发展治理共享基金") String fundName,
        UUID communityId,

        @Schema(description = "The month, in Asia/Shanghai time", example = "2026-11")
        String month,

        @Schema(example = "CNY") String currency,
        OffsetDateTime periodStart,
        OffsetDateTime periodEnd,
        @Schema(example = "1000000") long openingBalanceFen,
        @Schema(example = "1150000") long closingBalanceFen,
        @Schema(example = "300000") long donationsFen,
        @Schema(example = "0") long refundsFen,
        @Schema(example = "150000") long spendingFen,
        List<Bucket> donationsByChannel,
        List<Bucket> donationsByDonorKind,
        List<ProjectSpending> spendingByProject,
        List<Bucket> spendingByType,

        @Schema(
                description =
                        "The month's donations, one page of them (page and size; oldest first), donors masked (胡*) or 匿名")
        List<PublicDonation> donations,

        @Schema(description = "How many donations the month has: every page of donations together", example = "3")
        long donationCount,

        @Schema(description = "The page of donations listed, from 0", example = "0")
        int donationsPage,

        @Schema(description = "Donations per page", example = "20")
        int donationsSize) {

    public record Bucket(
            @Schema(example = "WECHAT_PAY") String key,
            @Schema(example = "3") long count,
            @Schema(example = "60000") long amountFen) {}

    public record ProjectSpending(
            UUID projectId,
            @Schema(example = "屋顶农场儿童自然课堂") String title,
            Project.Type type,
            @Schema(example = "1") long count,
            @Schema(example = "150000") long amountFen) {}

    public record PublicDonation(
            @Schema(example = "BL-2026-000123") String receiptNumber,
            OffsetDateTime receivedAt,
            @Schema(example = "胡*") String donor,

            @Schema(description = "ANONYMOUS for every anonymous donation, whoever gave it")
            Donation.DonorKind donorKind,

            Donation.Channel channel,
            @Schema(example = "20000") long amountFen,

            @Schema(description = "The project the donation is earmarked for", example = "屋顶农场儿童自然课堂")
            String projectTitle) {}
}
