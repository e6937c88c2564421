package cn.bailian.resident.community;

import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.resident.community.CommunityApi.CommunityView;
import cn.bailian.resident.community.CommunityApi.CreateCommunity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/communities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Communities", description = "社区 / Communities")
public class CommunityResource {
    @Inject
    CommunityService communities;

    @POST
    @Operation(operationId = "createCommunity", summary = "Create a community / 创建社区", description = "ADMIN only.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommunityView.class)))
    @APIResponse(responseCode = "403", description = "Not ADMIN")
    @APIResponse(responseCode = "409", description = "COMMUNITY_NAME_TAKEN")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response create(@Valid @NotNull CreateCommunity request) {
        CommunityView community = communities.create(request);
        return Response.created(URI.create("/api/v1/communities/" + community.id()))
                .entity(community)
                .tag(ETags.of(community.version()))
                .build();
    }

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "listCommunities", summary = "List communities / 社区列表", description = "Public.")
    @APIResponse(responseCode = "200", description = "A page of communities")
    public Page<CommunityView> list(@BeanParam PageRequest page) {
        return communities.list(page);
    }

    @GET
    @Path("/{id}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "getCommunity", summary = "Read a community / 查看社区", description = "Public.")
    @APIResponse(
            responseCode = "200",
            description = "The community",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommunityView.class)))
    @APIResponse(responseCode = "404", description = "COMMUNITY_NOT_FOUND")
    public Response get(@PathParam("id") UUID id) {
        CommunityView community = communities.get(id);
        return Response.ok(community).tag(ETags.of(community.version())).build();
    }
}
