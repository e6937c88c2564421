package cn.bailian.farm.plot;

import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.cache.PublicCached;
import cn.bailian.farm.claim.Claim;
import cn.bailian.farm.farm.Farm;
import cn.bailian.farm.resident.Residents;
import cn.bailian.farm.waitlist.Waitlists;
import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plots", description = "地块与地块图 / Plots and the plot map")
public class PlotResource {

    private static final String PROBLEM = "application/problem+json";

    public record CreatePlot(
            @NotNull @Pattern(regexp = "[A-Z]{1,3}-[0-9]{1,3}") @Schema(example = "A-01") String code,
            @NotNull @DecimalMin(value = "0.01") @DecimalMax("99999.99") @Digits(integer = 5, fraction = 2)
            @Schema(description = "Area in m²", example = "6.5") BigDecimal areaM2,
            @NotNull @Min(0) @Max(999) @Schema(example = "0") Integer gridRow,
            @NotNull @Min(0) @Max(999) @Schema(example = "0") Integer gridColumn) {
    }

    public record UpdatePlot(
            @NotNull @Schema(description = "AVAILABLE, MAINTENANCE or RESERVED_FOR_EDUCATION", example = "MAINTENANCE") PlotStatus status,
            @Size(max = 500) @Schema(example = "更换防水层") String note) {
    }

    public record PlotView(UUID id, UUID farmId, UUID communityId, @Schema(example = "A-01") String code,
                           @Schema(example = "6.5") BigDecimal areaM2, int gridRow, int gridColumn,
                           @Schema(example = "CLAIMED") PlotStatus status,
                           @Schema(description = "Masked name of the holder, when claimed", example = "胡*") String holderName,
                           @Schema(example = "靠近水龙头，适合叶菜") String note, long version) {
    }

    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    Residents residents;
    @Inject
    Waitlists waitlists;
    @Inject
    EntityManager em;

    @POST
    @Path("/farms/{farmId}/plots")
    @Operation(operationId = "createPlot", summary = "Add a plot to a farm (STAFF) / 新增地块",
            description = "社区工作人员为农场新增地块（编号如 A-01、面积、地图行列）。/ Staff of the community add a plot to a farm (code such as A-01, area, row and column on the map).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PlotView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "PLOT_CODE_TAKEN or PLOT_POSITION_TAKEN", content = @Content(mediaType = PROBLEM))
    public Response create(@PathParam("farmId") UUID farmId, @Valid @NotNull CreatePlot request,
                           @HeaderParam(Idempotency.HEADER) String key) {
        Farm farm = Farm.require(farmId);
        caller.requireStaffOf(farm.communityId);
        return idempotency.execute(key, "POST /farms/" + farmId + "/plots", request, () -> {
            Plot plot = save(farm, request);
            return Response.created(URI.create("/api/v1/plots/" + plot.id)).entity(view(plot, null))
                    .tag(ETags.of(plot.version)).build();
        });
    }

    @Transactional
    Plot save(Farm farm, CreatePlot request) {
        Plot plot = new Plot();
        plot.id = UUID.randomUUID();
        plot.farmId = farm.id;
        plot.communityId = farm.communityId;
        plot.code = request.code();
        plot.areaM2 = request.areaM2();
        plot.gridRow = request.gridRow();
        plot.gridColumn = request.gridColumn();
        plot.status = PlotStatus.AVAILABLE;
        plot.createdAt = OffsetDateTime.now();
        try {
            em.persist(plot);
            em.flush();
        } catch (PersistenceException e) {
            String constraint = Constraints.violated(e);
            if ("plot_farm_id_code_key".equals(constraint)) {
                throw ProblemException.conflict("PLOT_CODE_TAKEN", request.code());
            }
            if ("plot_farm_id_grid_row_grid_column_key".equals(constraint)) {
                throw ProblemException.conflict("PLOT_POSITION_TAKEN", request.gridRow(), request.gridColumn());
            }
            throw e;
        }
        return plot;
    }

    @GET
    @Path("/farms/{farmId}/plots")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @PublicCached // the same answer for everyone: no token, role or caller is looked at
    @Operation(operationId = "listPlots", summary = "The plot map: plots with status and masked holder names (public) / 地块图",
            description = "地块图：农场全部地块及状态，认领人姓名已脱敏；公开可查。/ The plot map: a farm's plots with their status and masked holder names; public.")
    @APIResponse(responseCode = "200", description = "A page of plots by grid position")
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    public Page<PlotView> list(@PathParam("farmId") UUID farmId, @QueryParam("status")
                               @Pattern(regexp = "AVAILABLE|CLAIMED|OFFERED|RESERVED_FOR_EDUCATION|MAINTENANCE") String status,
                               @BeanParam PageRequest page) {
        Farm.require(farmId);
        Sort order = Sort.by("gridRow").and("gridColumn").and("code");
        var query = status == null ? Plot.<Plot>find("farmId", order, farmId)
                : Plot.<Plot>find("farmId = ?1 and status = ?2", order, farmId, PlotStatus.valueOf(status));
        List<Plot> plots = query.page(page.page(), page.size()).list();
        Map<UUID, UUID> holders = new HashMap<>();
        if (!plots.isEmpty()) {
            List<Claim> active = Claim.list("plotId in ?1 and status = ?2", plots.stream().map(p -> p.id).toList(), Claim.ACTIVE);
            active.forEach(c -> holders.put(c.plotId, c.residentId));
        }
        Map<UUID, String> names = residents.maskedNames(holders.values());
        return page.page(plots.stream().map(p -> view(p, holders.containsKey(p.id)
                ? names.getOrDefault(holders.get(p.id), "*") : null)).toList(), query.count());
    }

    @GET
    @Path("/plots/{id}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @PublicCached // the same answer for everyone: no token, role or caller is looked at
    @Operation(operationId = "getPlot", summary = "One plot (public) / 地块详情",
            description = "单个地块；公开可查，响应带 ETag。/ One plot; public, with its ETag.")
    @APIResponse(responseCode = "200", description = "The plot", content = @Content(schema = @Schema(implementation = PlotView.class)))
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id) {
        Plot plot = Plot.require(id);
        return Response.ok(view(plot, holderName(plot))).tag(ETags.of(plot.version)).build();
    }

    @PATCH
    @Path("/plots/{id}")
    @Operation(operationId = "updatePlot", summary = "Take a free plot out of use (MAINTENANCE, RESERVED_FOR_EDUCATION) or back (AVAILABLE); STAFF, If-Match / 调整地块状态",
            description = "社区工作人员将空闲地块设为维护中（MAINTENANCE）或教学预留（RESERVED_FOR_EDUCATION），或恢复为可认领；须携带 If-Match。/ Staff of the community take a free plot out of use (MAINTENANCE, RESERVED_FOR_EDUCATION) or back (AVAILABLE); send If-Match.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = PlotView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "PLOT_IN_USE (claimed or offered)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "VERSION_MISMATCH", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "PLOT_STATUS_NOT_SETTABLE", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "IF_MATCH_REQUIRED", content = @Content(mediaType = PROBLEM))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull UpdatePlot request) {
        caller.requireStaffOf(Plot.require(id).communityId);
        Plot plot = change(id, ifMatch, request);
        return Response.ok(view(plot, null)).tag(ETags.of(plot.version)).build();
    }

    @Transactional
    Plot change(UUID id, String ifMatch, UpdatePlot request) {
        if (request.status() == PlotStatus.CLAIMED || request.status() == PlotStatus.OFFERED) {
            throw ProblemException.unprocessable("PLOT_STATUS_NOT_SETTABLE", request.status());
        }
        // farm before plot (the order of every waitlist change); the plot is first read under its lock
        UUID farmId = em.createQuery("select p.farmId from Plot p where p.id = ?1", UUID.class)
                .setParameter(1, id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("PLOT_NOT_FOUND", id));
        Farm.lock(farmId);
        Plot plot = Plot.lock(id);
        ETags.requireMatch(ifMatch, plot.version);
        if (plot.status == PlotStatus.CLAIMED || plot.status == PlotStatus.OFFERED) {
            throw ProblemException.conflict("PLOT_IN_USE", plot.code);
        }
        plot.status = request.status();
        plot.note = request.note();
        if (plot.status == PlotStatus.AVAILABLE) {
            waitlists.offerNext(plot, Instant.now());
        }
        em.flush();
        return plot;
    }

    private String holderName(Plot plot) {
        Claim claim = Claim.activeOnPlot(plot.id);
        return claim == null ? null : residents.maskedName(claim.residentId);
    }

    private static PlotView view(Plot plot, String holderName) {
        return new PlotView(plot.id, plot.farmId, plot.communityId, plot.code, plot.areaM2, plot.gridRow, plot.gridColumn,
                plot.status, holderName, plot.note, plot.version);
    }
}
