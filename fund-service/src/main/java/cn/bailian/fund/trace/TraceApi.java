package cn.bailian.fund.trace;

import cn.bailian.fund.project.Project;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The request and response records of a project's trace. */
public final class TraceApi {

    private TraceApi() {}

    @Schema(
            description =
                    "捐赠 → 项目 → 资助的活动 → 已举办的场次 → 签到人数，一次读取；只有金额与人数，无个人信息 / "
                            + "Donations → project → funded activities → sessions held → attendance, in one read; amounts and counts only, no personal data")
    public record ProjectTrace(
            UUID projectId,
            UUID fundId,
            UUID communityId,
            String title,
            Project.Status status,
            @Schema(example = "800000") long budgetFen,
            @Schema(example = "CNY") String currency,

            @Schema(description = "Donations earmarked for this project")
            DonationTotals donations,

            @Schema(description = "What the fund paid out for this project")
            GrantTotals grants,

            @Schema(
                    description =
                            "The activities the project funds, each with the sessions held and the people checked in "
                                    + "(from activity-service's attendance events; empty for a project about no activity)")
            List<FundedActivity> activities) {}

    public record DonationTotals(
            @Schema(example = "12") long count,
            @Schema(example = "560000") long amountFen,
            @Schema(example = "0") long refundedFen) {}

    public record GrantTotals(
            @Schema(example = "2") long count,
            @Schema(example = "300000") long amountFen) {}

    public record FundedActivity(
            UUID activityId,

            @Schema(description = "Paid out for it by this project", example = "300000")
            long grantedFen,

            @Schema(description = "Sessions at which someone was checked in", example = "4")
            int sessionsHeld,

            @Schema(description = "Check-ins over all its sessions", example = "57")
            long attendance,

            List<SessionAttendance> sessions) {}

    public record SessionAttendance(
            UUID sessionId,

            @Schema(description = "The session's first check-in")
            OffsetDateTime firstCheckInAt,

            @Schema(example = "15") long attendance) {}
}
