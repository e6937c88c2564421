package cn.bailian.farm.plot;

import cn.bailian.farm.plot.PlotApi.CreatePlot;
import cn.bailian.farm.plot.PlotApi.PlotView;
import cn.bailian.farm.plot.PlotApi.UpdatePlot;
import cn.bailian.kit.cache.PublicCached;
import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
@Tag(name = "Plots", description = "地块与地块图 / Plots and the plot map")
public class PlotResource {
    @Inject
    PlotService plots;

    @POST
    @Path("/farms/{farmId}/plots")
    @Operation(
            operationId = "createPlot",
            summary = "Add a plot to a farm (STAFF) / 新增地块",
            description =
                    "社区工作人员为农场新增地块（编号如 A-01、面积、地图行列）。/ Staff of the community add a plot to a farm (code such as A-01, area, row and column on the map).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = PlotView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "PLOT_CODE_TAKEN or PLOT_POSITION_TAKEN")
    @Idempotent
    public Response create(@PathParam("farmId") UUID farmId, @Valid @NotNull CreatePlot request) {
        PlotService.Written plot = plots.create(farmId, request);
        return Response.created(URI.create("/api/v1/plots/" + plot.view().id()))
                .entity(plot.view())
                .tag(ETags.of(plot.version()))
                .build();
    }

    @GET
    @Path("/farms/{farmId}/plots")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @PublicCached // the same answer for everyone: no token, role or caller is looked at
    @Operation(
            operationId = "listPlots",
            summary = "The plot map: plots with status and masked holder names (public) / 地块图",
            description =
                    "地块图：农场全部地块及状态，认领人姓名已脱敏；公开可查。/ The plot map: a farm's plots with their status and masked holder names; public.")
    @APIResponse(responseCode = "200", description = "A page of plots by grid position")
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND")
    public Page<PlotView> list(
            @PathParam("farmId") UUID farmId,
            @QueryParam("status") @Pattern(regexp = "AVAILABLE|CLAIMED|OFFERED|RESERVED_FOR_EDUCATION|MAINTENANCE")
                    String status,
            @BeanParam PageRequest page) {
        return plots.map(farmId, status == null ? null : PlotStatus.valueOf(status), page);
    }

    @GET
    @Path("/plots/{id}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @PublicCached // the same answer for everyone: no token, role or caller is looked at
    @Operation(
            operationId = "getPlot",
            summary = "One plot (public) / 地块详情",
            description = "单个地块；公开可查，响应带 ETag。/ One plot; public, with its ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The plot",
            content = @Content(schema = @Schema(implementation = PlotView.class)))
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND")
    public Response get(@PathParam("id") UUID id) {
        PlotService.Written plot = plots.get(id);
        return Response.ok(plot.view()).tag(ETags.of(plot.version())).build();
    }

    @PATCH
    @Path("/plots/{id}")
    @Operation(
            operationId = "updatePlot",
            summary =
                    "Take a free plot out of use (MAINTENANCE, RESERVED_FOR_EDUCATION) or back (AVAILABLE); STAFF, If-Match / 调整地块状态",
            description =
                    "社区工作人员将空闲地块设为维护中（MAINTENANCE）或教学预留（RESERVED_FOR_EDUCATION），或恢复为可认领；须携带 If-Match。/ Staff of the community take a free plot out of use (MAINTENANCE, RESERVED_FOR_EDUCATION) or back (AVAILABLE); send If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = PlotView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "PLOT_IN_USE (claimed or offered)")
    @APIResponse(responseCode = "412", description = "VERSION_MISMATCH")
    @APIResponse(responseCode = "422", description = "PLOT_STATUS_NOT_SETTABLE")
    @APIResponse(responseCode = "428", description = "IF_MATCH_REQUIRED")
    public Response update(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull UpdatePlot request) {
        PlotService.Written plot = plots.change(id, ifMatch, request);
        return Response.ok(plot.view()).tag(ETags.of(plot.version())).build();
    }
}
