package cn.bailian.activity.activity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Request, response and event records of activities and sessions. */
public final class ActivityApi {

    private ActivityApi() {}

    public record CreateActivity(
            @NotNull @Schema(example = "6f1d8a52-0a43-4c3b-9a55-3f1e0b7c2d10")
            UUID communityId,

            @NotBlank @Size(max = 200) @Schema(example = "亲子烘焙：圣诞姜饼屋")
            String title,

            @Size(max = 5000) @Schema(example = "家长与孩子一起动手做姜饼屋，材料由社会组织提供。")
            String description,

            @NotNull @Schema(example = "BAKING") Activity.Category category,

            @Schema(description = "The social organisation running it, as registered in resident-service")
            UUID providerOrganizationId,

            @NotNull @Schema(example = "MARKET") Activity.Model model,

            @Min(0)
            @Max(100_000_000)
            @Schema(description = "Fee in fen; 0 or absent for PUBLIC_WELFARE", example = "3000")
            Long feeFen,

            @Min(0) @Max(150) @Schema(example = "4") Integer minAge,
            @Min(0) @Max(150) @Schema(example = "10") Integer maxAge,

            @Schema(description = "A guardian enrols with the child", example = "true")
            boolean parentChild,

            @NotNull @Min(1) @Max(10000) @Schema(example = "20")
            Integer capacity,

            @NotNull @Schema(example = "2026-12-01T09:00:00+08:00")
            OffsetDateTime enrollmentOpensAt,

            @NotNull @Schema(example = "2026-12-18T18:00:00+08:00")
            OffsetDateTime enrollmentClosesAt) {}

    public record ActivityView(
            UUID id,
            UUID communityId,
            @Schema(example = "亲子烘焙：圣诞姜饼屋") String title,
            @Schema(example = "家长和孩子一起动手做姜饼屋，材料由组织方提供。") String description,
            Activity.Category category,
            UUID providerOrganizationId,
            @Schema(example = "成都某社工服务中心") String providerName,
            Activity.Model model,
            @Schema(example = "3000") long feeFen,
            Integer minAge,
            Integer maxAge,
            boolean parentChild,
            @Schema(example = "20") int capacity,
            @Schema(example = "17") int confirmedCount,
            @Schema(example = "0") int waitlistedCount,
            @Schema(example = "3") int placesLeft,
            OffsetDateTime enrollmentOpensAt,
            OffsetDateTime enrollmentClosesAt,
            @Schema(example = "PUBLISHED") Activity.Status status,
            OffsetDateTime firstSessionStartsAt,
            OffsetDateTime lastSessionStartsAt,

            @Schema(description = "A community-fund grant has been disbursed for it", example = "true")
            boolean fundedByCommunityFund,

            @Schema(example = "500000") long fundedTotalFen,
            OffsetDateTime publishedAt,
            OffsetDateTime cancelledAt,
            OffsetDateTime createdAt,
            long version) {

        static ActivityView of(Activity a, String providerName, long fundedTotalFen) {
            return new ActivityView(
                    a.id,
                    a.communityId,
                    a.title,
                    a.description,
                    a.category,
                    a.providerOrganizationId,
                    providerName,
                    a.model,
                    a.feeFen,
                    a.minAge,
                    a.maxAge,
                    a.parentChild,
                    a.capacity,
                    a.confirmedCount,
                    a.waitlistedCount,
                    Math.max(0, a.capacity - a.confirmedCount),
                    a.enrollmentOpensAt,
                    a.enrollmentClosesAt,
                    a.status,
                    a.firstSessionStartsAt,
                    a.lastSessionStartsAt,
                    fundedTotalFen > 0,
                    fundedTotalFen,
                    a.publishedAt,
                    a.cancelledAt,
                    a.createdAt,
                    a.version);
        }
    }

    public record CreateSession(
            @NotNull @Schema(example = "2026-12-20T10:00:00+08:00")
            OffsetDateTime startsAt,

            @NotNull @Schema(example = "2026-12-20T11:30:00+08:00")
            OffsetDateTime endsAt,

            @NotNull UUID venueId) {}

    public record SessionView(
            UUID id,
            UUID activityId,
            UUID communityId,
            UUID venueId,
            UUID bookingId,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            @Schema(example = "SCHEDULED") ActivitySession.Status status) {

        public static SessionView of(ActivitySession s) {
            return new SessionView(
                    s.id, s.activityId, s.communityId, s.venueId, s.bookingId, s.startsAt, s.endsAt, s.status);
        }
    }

    /** {@code cn.bailian.activity.published.v1}; subject activityId. */
    public record ActivityPublished(
            UUID activityId,
            UUID communityId,
            String title,
            String category,
            String model,
            long feeFen,
            UUID providerOrganizationId,
            Integer minAge,
            Integer maxAge,
            boolean parentChild,
            int capacity,
            OffsetDateTime firstSessionStartsAt) {}
}
