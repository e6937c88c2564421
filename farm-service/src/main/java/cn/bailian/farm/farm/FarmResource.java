package cn.bailian.farm.farm;

import cn.bailian.farm.farm.FarmApi.CreateFarm;
import cn.bailian.farm.farm.FarmApi.FarmView;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
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
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Farms", description = "屋顶农场 / Rooftop farms")
public class FarmResource {
    @Inject
    FarmService farms;

    @POST
    @Path("/farms")
    @Operation(
            operationId = "createFarm",
            summary = "Create a farm (STAFF of its community) / 新建农场",
            description =
                    "本社区工作人员创建农场（如党群服务中心屋顶生态农场）。/ Staff of its community create a farm (such as the rooftop eco-farm of the service centre).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = FarmView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(responseCode = "409", description = "FARM_NAME_TAKEN")
    @Idempotent
    public Response create(@Valid @NotNull CreateFarm request) {
        FarmView farm = farms.create(request);
        return Response.created(URI.create("/api/v1/farms/" + farm.id()))
                .entity(farm)
                .build();
    }

    @GET
    @Path("/farms")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listFarms",
            summary = "List farms, optionally of one community (public) / 农场列表",
            description = "农场列表，可按社区筛选；公开可查。/ Farms, optionally of one community; public.")
    @APIResponse(responseCode = "200", description = "A page of farms")
    public Page<FarmView> list(@QueryParam("communityId") UUID communityId, @BeanParam PageRequest page) {
        return farms.list(communityId, page);
    }

    @GET
    @Path("/farms/{id}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "getFarm",
            summary = "One farm (public) / 农场详情",
            description = "单个农场；公开可查。/ One farm; public.")
    @APIResponse(
            responseCode = "200",
            description = "The farm",
            content = @Content(schema = @Schema(implementation = FarmView.class)))
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND")
    public FarmView get(@PathParam("id") UUID id) {
        return farms.get(id);
    }
}
