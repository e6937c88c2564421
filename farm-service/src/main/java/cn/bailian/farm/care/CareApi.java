package cn.bailian.farm.care;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Request and response records of inspections and care warnings. */
public final class CareApi {

    private CareApi() {}

    public record RecordInspection(
            @NotNull @Schema(example = "POOR") Inspection.Grade grade,

            @Size(max = 2000) @Schema(example = "杂草丛生，三周未浇水")
            String note,

            @Size(max = 500)
            @Pattern(regexp = "https?://\\S+")
            @Schema(example = "https://img.bailian.example/i/88.jpg")
            String photoUrl) {}

    public record WarningView(
            UUID id,
            UUID claimId,
            UUID plotId,
            UUID residentId,
            @Schema(example = "POOR_INSPECTION") String reason,
            @Schema(example = "OPEN") String status,
            @Schema(example = "2026-04-12") LocalDate reinspectOn,
            OffsetDateTime issuedAt,
            OffsetDateTime closedAt) {
        static WarningView of(CareWarning w) {
            return w == null
                    ? null
                    : new WarningView(
                            w.id,
                            w.claimId,
                            w.plotId,
                            w.residentId,
                            w.reason.name(),
                            w.status.name(),
                            w.reinspectOn,
                            w.issuedAt,
                            w.closedAt);
        }
    }

    public record InspectionView(
            UUID id,
            UUID plotId,
            UUID claimId,
            Inspection.Grade grade,
            @Schema(example = "杂草较多，两周未浇水") String note,

            @Schema(example = "https://img.bailian.example/i/88.jpg")
            String photoUrl,

            OffsetDateTime inspectedAt,

            @Schema(description = "The claim's live warning after this inspection, if any")
            WarningView warning) {
        static InspectionView of(Inspection i, CareWarning warning) {
            return new InspectionView(
                    i.id, i.plotId, i.claimId, i.grade, i.note, i.photoUrl, i.inspectedAt, WarningView.of(warning));
        }
    }
}
