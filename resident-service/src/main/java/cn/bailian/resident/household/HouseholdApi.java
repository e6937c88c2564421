package cn.bailian.resident.household;

import cn.bailian.resident.resident.ResidentApi.ResidentView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Request and response bodies of the household API. */
public final class HouseholdApi {

    private HouseholdApi() {}

    @Schema(name = "CreateHousehold")
    public record CreateHousehold(
            @Schema(example = "9a8b7c6d-1b2c-4d5e-8f90-123456789abc") @NotNull
            UUID compoundId,

            @Schema(example = "3") @NotBlank @Size(max = 20) String building,
            @Schema(example = "2") @NotBlank @Size(max = 20) String unit,

            @Schema(example = "501") @NotBlank @Size(max = 20)
            String room) {}

    @Schema(
            name = "UpdateHousehold",
            description = "The household's address within its compound, all three fields / 修改门牌")
    public record UpdateHousehold(
            @Schema(example = "3") @NotBlank @Size(max = 20) String building,
            @Schema(example = "2") @NotBlank @Size(max = 20) String unit,

            @Schema(example = "502") @NotBlank @Size(max = 20)
            String room) {}

    @Schema(
            name = "Household",
            description = "With its members; head is the active member whose relationToHead is SELF")
    public record HouseholdView(
            UUID id,
            UUID communityId,
            UUID compoundId,
            @Schema(example = "3") String building,
            @Schema(example = "2") String unit,
            @Schema(example = "501") String room,
            UUID headId,
            List<ResidentView> members,
            long version) {}

    @Schema(name = "HouseholdSummary", description = "A household's address, without its members (the list's items)")
    public record HouseholdSummary(
            UUID id,
            UUID communityId,
            UUID compoundId,
            @Schema(example = "3") String building,
            @Schema(example = "2") String unit,
            @Schema(example = "501") String room,
            long version) {}
}
