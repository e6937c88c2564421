package cn.bailian.resident.compound;

import cn.bailian.kit.http.QueryParams;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.resident.compound.CompoundApi.CompoundView;
import cn.bailian.resident.compound.CompoundApi.CreateCompound;
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

@Path("/api/v1/compounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Compounds", description = "院落/小区 / Compounds")
public class CompoundResource {
    @Inject
    CompoundService compounds;

    @POST
    @Operation(
            operationId = "createCompound",
            summary = "Create a compound / 新增院落或小区",
            description = "STAFF of the community or ADMIN.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompoundView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "409", description = "COMPOUND_NAME_TAKEN")
    @APIResponse(responseCode = "422", description = "COMMUNITY_NOT_FOUND or IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response create(@Valid @NotNull CreateCompound request) {
        CompoundView compound = compounds.create(request);
        return Response.created(URI.create("/api/v1/compounds/" + compound.id()))
                .entity(compound)
                .build();
    }

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "listCompounds", summary = "A community's compounds / 院落列表", description = "Public.")
    @APIResponse(responseCode = "200", description = "A page of compounds")
    @APIResponse(responseCode = "404", description = "COMMUNITY_NOT_FOUND")
    public Page<CompoundView> list(
            @Parameter(
                            required = true,
                            example = "3f1e6c7a-1b2c-4d5e-8f90-123456789abc",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            format = "uuid"))
                    @QueryParam("communityId")
                    String communityParam,
            @BeanParam PageRequest page) {
        UUID communityId = QueryParams.requiredUuid("communityId", communityParam);
        return compounds.list(communityId, page);
    }
}
