package cn.bailian.resident.compound;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Request and response bodies of the compound API, and of a community's statistics per compound. */
public final class CompoundApi {

    private CompoundApi() {}

    @Schema(name = "CreateCompound")
    public record CreateCompound(
            @Schema(example = "3f1e6c7a-1b2c-4d5e-8f90-123456789abc") @NotNull
            UUID communityId,

            @Schema(example = "白莲小区") @NotBlank @Size(max = 100)
            String name,

            @Schema(example = "RESETTLEMENT") @NotNull CompoundType type) {}

    @Schema(name = "Compound")
    public record CompoundView(
            UUID id,
            UUID communityId,
            @Schema(example = "白莲小区") String name,
            CompoundType type,
            long version) {}

    @Schema(name = "CompoundStats")
    public record CompoundStats(
            UUID compoundId,
            @Schema(example = "白莲小区") String name,
            CompoundType type,
            long households,
            long permanentResidents,
            long floatingResidents) {}

    @Schema(name = "CommunityStats", description = "Active residents only / 仅统计在册居民")
    public record CommunityStats(
            UUID communityId,
            long households,
            long permanentResidents,
            long floatingResidents,
            List<CompoundStats> compounds) {}
}
