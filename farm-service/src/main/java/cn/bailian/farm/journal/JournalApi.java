package cn.bailian.farm.journal;

import cn.bailian.farm.plot.Plot;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Request and response records of the planting journal. */
public final class JournalApi {

    private JournalApi() {}

    public record RecordEntry(
            @NotNull @Schema(example = "HARVEST") JournalKind kind,

            @Size(min = 1, max = 50) @Schema(example = "小白菜")
            String crop,

            @Min(1) @Max(1_000_000) @Schema(description = "Harvest weight in grams (harvests only)", example = "1200")
            Integer quantityGrams,

            @Size(max = 2000) @Schema(example = "第一茬，送了邻居一半")
            String note,

            @Size(max = 500)
            @Pattern(regexp = "https?://\\S+")
            @Schema(example = "https://img.bailian.example/p/123.jpg")
            String photoUrl) {}

    public record EntryView(
            UUID id,
            UUID plotId,
            @Schema(example = "A-01") String plotCode,
            UUID farmId,
            @Schema(example = "胡*") String residentName,
            JournalKind kind,
            @Schema(example = "小白菜") String crop,
            @Schema(example = "1500") Integer quantityGrams,
            @Schema(example = "第一茬小白菜，分给了邻居") String note,

            @Schema(example = "https://img.bailian.example/p/123.jpg")
            String photoUrl,

            OffsetDateTime recordedAt) {
        static EntryView of(JournalEntry e, Map<UUID, String> names) {
            Plot plot = Plot.findById(e.plotId);
            return new EntryView(
                    e.id,
                    e.plotId,
                    plot == null ? null : plot.code,
                    e.farmId,
                    names.getOrDefault(e.residentId, "*"),
                    e.kind,
                    e.crop,
                    e.quantityGrams,
                    e.note,
                    e.photoUrl,
                    e.recordedAt);
        }
    }
}
