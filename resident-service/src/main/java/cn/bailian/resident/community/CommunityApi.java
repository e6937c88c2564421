package cn.bailian.resident.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Request and response bodies of the community API. */
public final class CommunityApi {

    private CommunityApi() {}

    @Schema(name = "CreateCommunity")
    public record CreateCommunity(
            @Schema(example = "白莲社区") @NotBlank @Size(max = 100)
            String name,

            @Schema(example = "成都市成华区") @Size(max = 100) String district) {}

    @Schema(name = "Community")
    public record CommunityView(
            UUID id,
            @Schema(example = "白莲社区") String name,
            @Schema(example = "成都市成华区") String district,
            long version) {}
}
