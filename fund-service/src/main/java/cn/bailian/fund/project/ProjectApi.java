package cn.bailian.fund.project;

import cn.bailian.fund.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class ProjectApi {

    private ProjectApi() {}

    public record CreateProject(
            @NotBlank @Size(max = 200) @Schema(example = "屋顶农场儿童自然课堂")
            String title,

            @NotBlank @Size(max = 5000) @Schema(example = "为社区儿童开设每月两次的种植与标本制作课程。")
            String description,

            @NotNull @Schema(example = "PUBLIC_WELFARE") Project.Type type,

            @NotNull @Min(1) @Max(Money.MAX_AMOUNT_FEN) @Schema(description = "Budget in fen", example = "800000")
            Long budgetFen,

            @Schema(
                    description =
                            "Who proposes: RESIDENT (default for a resident's token), ORGANIZATION or COMMUNITY (staff only)",
                    example = "RESIDENT")
            Project.ProposerKind proposerKind,

            @Schema(description = "The proposing resident or organisation; a resident's own id by default")
            UUID proposerId,

            @Schema(description = "The activity this project pays for, in activity-service")
            UUID activityId) {}

    public record Proposer(
            Project.ProposerKind kind,
            UUID id,
            @Schema(example = "胡*") String name) {}

    public record Funding(
            @Schema(example = "800000") long budgetFen,

            @Schema(description = "Donations earmarked for this project, net of refunds", example = "300000")
            long earmarkedFen,

            @Schema(example = "200000") long disbursedFen,
            @Schema(example = "600000") long remainingBudgetFen,

            @Schema(description = "Earmarked share of the budget, whole percent", example = "37")
            int earmarkedPercent) {}

    public record ReviewView(
            ProjectReview.Step step,
            ProjectReview.Decision decision,
            @Schema(example = "居民议事会 11 票赞成、1 票反对") String comment,

            @Schema(description = "The reviewer (token subject)", example = "staff-li")
            String reviewer,

            OffsetDateTime reviewedAt) {}

    public record MilestoneView(
            UUID id,
            @Schema(example = "完成首期课程") String title,
            @Schema(example = "6 次自然课，每次 20 名儿童") String description,
            LocalDate dueOn,
            @Schema(example = "50") int progressPercent,
            @Schema(example = "已完成 6 次课程中的 3 次") String note,
            OffsetDateTime updatedAt,
            @Schema(example = "staff-li") String updatedBy,
            long version) {}

    public record ObjectionCounts(long pending, long upheld, long dismissed) {}

    public record ProjectView(
            UUID id,
            UUID fundId,
            UUID communityId,
            @Schema(example = "屋顶农场儿童自然课堂") String title,

            @Schema(example = "利用屋顶生态农场为社区儿童开设 12 次自然课，由社会组织授课。")
            String description,

            Project.Type type,
            Proposer proposer,
            UUID activityId,
            @Schema(example = "NOTICE") Project.Status status,
            OffsetDateTime noticeStartsAt,

            @Schema(description = "End of the public notice period (公示)")
            OffsetDateTime noticeEndsAt,

            OffsetDateTime approvedAt,
            OffsetDateTime completedAt,

            @Schema(example = "共开展 12 次课程，服务儿童 240 人次，结余 3,200 元退回基金。")
            String completionReport,

            Funding funding,

            @Schema(description = "Progress over the milestones, whole percent", example = "40")
            int progressPercent,

            List<ReviewView> reviews,
            List<MilestoneView> milestones,
            ObjectionCounts objections,
            OffsetDateTime createdAt,
            long version) {}

    public record CreateReview(
            @NotNull @Schema(example = "COUNCIL") ProjectReview.Step step,
            @NotNull @Schema(example = "APPROVE") ProjectReview.Decision decision,

            @Size(max = 2000) @Schema(example = "居民议事会 11 票赞成、1 票反对")
            String comment) {}

    public record CreateObjection(
            @NotBlank @Size(max = 2000) @Schema(example = "预算中的材料费偏高，请公开明细。")
            String reason) {}

    public record ObjectionView(
            UUID id,
            UUID projectId,
            UUID residentId,
            @Schema(example = "预算中的材料费偏高，请公开明细。") String reason,
            ProjectObjection.Status status,
            OffsetDateTime raisedAt,
            @Schema(example = "staff-li") String decidedBy,
            OffsetDateTime decidedAt,
            @Schema(example = "已公开材料费明细，经核实价格合理。") String decisionNote) {}

    public enum ObjectionVerdict {
        UPHOLD,
        DISMISS
    }

    public record DecideObjection(
            @NotNull @Schema(example = "DISMISS") ObjectionVerdict decision,

            @NotBlank @Size(max = 2000) @Schema(example = "已公开材料费明细，经核实价格合理。")
            String note) {}

    public record CreateMilestone(
            @NotBlank @Size(max = 200) @Schema(example = "完成首期课程")
            String title,

            @Size(max = 2000) @Schema(example = "6 次自然课，每次 20 名儿童")
            String description,

            @Schema(example = "2026-12-31") LocalDate dueOn,

            @NotNull @Min(0) @Max(100) @Schema(example = "0")
            Integer progressPercent) {}

    public record UpdateMilestone(
            @NotNull @Min(0) @Max(100) @Schema(example = "60")
            Integer progressPercent,

            @Size(max = 2000) @Schema(example = "已完成 6 次课程中的 4 次")
            String note) {}

    public record CompleteProject(
            @NotBlank @Size(max = 20000) @Schema(example = "共开展 12 次课程，服务儿童 240 人次，结余 3,200 元退回基金。")
            String report) {}

    /** Data of the project.* events. */
    public record ProjectEvent(
            UUID projectId,
            UUID fundId,
            UUID communityId,
            String title,
            Project.Type type,
            long budgetFen,
            UUID activityId,
            Project.Status status) {
        public static ProjectEvent of(Project p) {
            return new ProjectEvent(
                    p.id, p.fundId, p.communityId, p.title, p.type, p.budgetFen, p.activityId, p.status);
        }
    }
}
