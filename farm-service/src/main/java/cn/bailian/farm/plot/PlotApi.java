package cn.bailian.farm.plot;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

/** Request and response records of plots and the plot map. */
public final class PlotApi {

    private PlotApi() {}

    public record CreatePlot(
            @NotNull @Pattern(regexp = "[A-Z]{1,3}-[0-9]{1,3}") @Schema(example = "A-01")
            String code,

            @NotNull
            @DecimalMin(value = "0.01")
            @DecimalMax("99999.99")
            @Digits(integer = 5, fraction = 2)
            @Schema(description = "Area in m²", example = "6.5")
            BigDecimal areaM2,

            @NotNull @Min(0) @Max(999) @Schema(example = "0")
            Integer gridRow,

            @NotNull @Min(0) @Max(999) @Schema(example = "0")
            Integer gridColumn) {}

    public record UpdatePlot(
            @NotNull @Schema(description = "AVAILABLE, MAINTENANCE or RESERVED_FOR_EDUCATION", example = "MAINTENANCE")
            PlotStatus status,

            @Size(max = 500) @Schema(example = "更换防水层") String note) {}

    public record PlotView(
            UUID id,
            UUID farmId,
            UUID communityId,
            @Schema(example = "A-01") String code,
            @Schema(example = "6.5") BigDecimal areaM2,
            int gridRow,
            int gridColumn,
            @Schema(example = "CLAIMED") PlotStatus status,

            @Schema(description = "Masked name of the holder, when claimed", example = "胡*")
            String holderName,

            @Schema(example = "靠近水龙头，适合叶菜") String note,
            long version) {
        static PlotView of(Plot plot, String holderName) {
            return new PlotView(
                    plot.id,
                    plot.farmId,
                    plot.communityId,
                    plot.code,
                    plot.areaM2,
                    plot.gridRow,
                    plot.gridColumn,
                    plot.status,
                    holderName,
                    plot.note,
                    plot.version);
        }
    }
}
