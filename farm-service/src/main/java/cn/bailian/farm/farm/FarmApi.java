package cn.bailian.farm.farm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Request and response records of farms. */
public final class FarmApi {

    private FarmApi() {}

    public record CreateFarm(
            @NotNull @Schema(example = "6f1c2a9e-4b7d-4c1e-9a53-0d2b7f4c8e11")
            UUID communityId,

            @NotBlank @Size(max = 100) @Schema(example = "白莲屋顶生态农场")
            String name,

            @Size(max = 200) @Schema(example = "党群服务中心楼顶") String location) {}

    public record FarmView(
            UUID id,
            UUID communityId,
            @Schema(example = "白莲屋顶生态农场") String name,
            @Schema(example = "党群服务中心楼顶") String location,
            OffsetDateTime createdAt,
            long version) {
        static FarmView of(Farm farm) {
            return new FarmView(farm.id, farm.communityId, farm.name, farm.location, farm.createdAt, farm.version);
        }
    }
}
