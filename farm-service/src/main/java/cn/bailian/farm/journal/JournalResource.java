package cn.bailian.farm.journal;

import cn.bailian.farm.journal.JournalApi.EntryView;
import cn.bailian.farm.journal.JournalApi.RecordEntry;
import cn.bailian.farm.plot.Plot;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Journal", description = "种植日志 / Planting journal")
public class JournalResource {

    @Inject
    Caller caller;

    @Inject
    JournalService journal;

    @POST
    @Path("/plots/{plotId}/journal")
    @Operation(
            operationId = "recordJournalEntry",
            summary = "Log sowing, watering, fertilising, a harvest or a note (the claimant only) / 记录种植日志",
            description =
                    "认领人记录播种、浇水、施肥、收获（作物与重量）或心得，可附照片链接。/ The claimant logs sowing, watering, fertilising, a harvest (crop and weight) or a note, with optional photo links.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A harvest needs crop and quantityGrams; only a harvest has a quantity")
    @APIResponse(responseCode = "403", description = "NOT_PLOT_CLAIMANT")
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND")
    @Idempotent
    public Response record(@PathParam("plotId") UUID plotId, @Valid @NotNull RecordEntry request) {
        caller.requireAuthenticated();
        Plot.require(plotId);
        if (request.kind() == JournalKind.HARVEST && (request.crop() == null || request.quantityGrams() == null)) {
            throw ProblemException.invalidField(
                    request.crop() == null ? "crop" : "quantityGrams",
                    "NotNull",
                    "a harvest needs crop and quantityGrams");
        }
        if (request.kind() != JournalKind.HARVEST && request.quantityGrams() != null) {
            throw ProblemException.invalidField("quantityGrams", "Null", "only a harvest has a quantity");
        }
        EntryView entry = journal.record(plotId, request);
        return Response.created(URI.create("/api/v1/plots/" + plotId + "/journal/" + entry.id()))
                .entity(entry)
                .build();
    }

    @GET
    @Path("/plots/{plotId}/journal")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listPlotJournal",
            summary = "A plot's journal, newest first (public, masked names) / 地块日志",
            description = "某地块的种植日志，最新在前；公开可查，姓名已脱敏。/ A plot's planting journal, newest first; public, names masked.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND")
    public Page<EntryView> plotJournal(@PathParam("plotId") UUID plotId, @BeanParam PageRequest page) {
        return journal.ofPlot(plotId, page);
    }

    @GET
    @Path("/farms/{farmId}/journal")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listFarmJournal",
            summary = "The farm's community feed of journal entries, newest first (public, masked names) / 农场日志动态",
            description =
                    "农场全部地块的日志动态，供居民交流种植经验；公开可查，姓名已脱敏。/ The farm's feed of journal entries from all plots, for residents to swap experience; public, names masked.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND")
    public Page<EntryView> farmJournal(@PathParam("farmId") UUID farmId, @BeanParam PageRequest page) {
        return journal.ofFarm(farmId, page);
    }
}
