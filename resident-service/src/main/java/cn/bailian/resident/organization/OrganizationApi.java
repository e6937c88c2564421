package cn.bailian.resident.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Request and response bodies of the organisation API. */
public final class OrganizationApi {

    private OrganizationApi() {}

    @Schema(name = "CreateOrganization")
    public record CreateOrganization(
            @Schema(example = "3f1e6c7a-1b2c-4d5e-8f90-123456789abc") @NotNull
            UUID communityId,

            @Schema(example = "白莲社区营造社") @NotBlank @Size(max = 100)
            String name,

            @Schema(example = "SOCIAL_ENTERPRISE") @NotNull OrganizationKind kind,

            @Schema(example = "运营屋顶农场与儿童之家") @Size(max = 1000)
            String description) {}

    @Schema(name = "Organization")
    public record OrganizationView(
            UUID id,
            UUID communityId,
            @Schema(example = "白莲社区营造社") String name,
            OrganizationKind kind,
            @Schema(example = "运营屋顶农场与儿童之家") String description,
            long version) {}
}
