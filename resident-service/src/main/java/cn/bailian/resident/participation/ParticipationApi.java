package cn.bailian.resident.participation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Response bodies of the participation record and the ranking. */
public final class ParticipationApi {

    private ParticipationApi() {}

    @Schema(name = "ParticipationEntry")
    public record EntryView(
            @Schema(example = "cn.bailian.farm.plot.claimed.v1")
            String eventType,

            @Schema(example = "A-01") String detail,

            @Schema(example = "8b52e562-7597-3fa4-9be2-fcbbdd3e2eb1")
            String subjectId,

            @Schema(example = "10") int points,
            OffsetDateTime occurredAt) {}

    @Schema(name = "Participation", description = "A resident's timeline (newest first, paged) and total points")
    public record ParticipationView(
            UUID residentId,
            @Schema(example = "18") long points,
            List<EntryView> items,
            int page,
            int size,
            long total) {}

    @Schema(name = "RankingRow")
    public record RankingRow(
            @Schema(example = "1") long rank,
            @Schema(example = "胡*") String displayName,
            @Schema(example = "42") long points,
            @Schema(example = "7") long entries) {}
}
