package cn.bailian.resident.organization;

import cn.bailian.kit.http.QueryParams;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.resident.organization.OrganizationApi.CreateOrganization;
import cn.bailian.resident.organization.OrganizationApi.OrganizationView;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "四社联动：社会组织、社会企业、社工机构、居民自组织、驻区单位 / Organisations")
public class OrganizationResource {
    @Inject
    OrganizationService organizations;

    @POST
    @Operation(
            operationId = "createOrganization",
            summary = "Register an organisation / 登记组织",
            description = "STAFF of the community or ADMIN.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "409", description = "ORGANIZATION_NAME_TAKEN")
    @APIResponse(responseCode = "422", description = "COMMUNITY_NOT_FOUND or IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response create(@Valid @NotNull CreateOrganization request) {
        OrganizationView organization = organizations.register(request);
        return Response.created(URI.create("/api/v1/organizations/" + organization.id()))
                .entity(organization)
                .build();
    }

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listOrganizations",
            summary = "A community's organisations / 组织列表",
            description = "Public.")
    @APIResponse(responseCode = "200", description = "A page of organisations")
    @APIResponse(responseCode = "404", description = "COMMUNITY_NOT_FOUND")
    public Page<OrganizationView> list(
            @Parameter(
                            required = true,
                            example = "3f1e6c7a-1b2c-4d5e-8f90-123456789abc",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            format = "uuid"))
                    @QueryParam("communityId")
                    String communityParam,
            @Parameter(schema = @Schema(implementation = OrganizationKind.class)) @QueryParam("kind") String kindParam,
            @BeanParam PageRequest page) {
        UUID communityId = QueryParams.requiredUuid("communityId", communityParam);
        OrganizationKind kind = QueryParams.enumOf(OrganizationKind.class, "kind", kindParam);
        return organizations.list(communityId, kind, page);
    }
}
