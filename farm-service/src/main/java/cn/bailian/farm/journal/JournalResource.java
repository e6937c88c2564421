package cn.bailian.farm.journal;

import cn.bailian.farm.care.CareRules;
import cn.bailian.farm.claim.Claim;
import cn.bailian.farm.events.FarmEvents;
import cn.bailian.farm.farm.Farm;
import cn.bailian.farm.plot.Plot;
import cn.bailian.farm.resident.Residents;
import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Journal", description = "种植日志 / Planting journal")
public class JournalResource {

    private static final String PROBLEM = "application/problem+json";

    public record RecordEntry(
            @NotNull @Schema(example = "HARVEST") JournalKind kind,
            @Size(min = 1, max = 50) @Schema(example = "小白菜") String crop,
            @Min(1) @Max(1_000_000) @Schema(description = "Harvest weight in grams (harvests only)", example = "1200") Integer quantityGrams,
            @Size(max = 2000) @Schema(example = "第一茬，送了邻居一半") String note,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+") @Schema(example = "https://img.bailian.example/p/123.jpg") String photoUrl) {
    }

    public record EntryView(UUID id, UUID plotId, @Schema(example = "A-01") String plotCode, UUID farmId,
                            @Schema(example = "胡*") String residentName, JournalKind kind, @Schema(example = "小白菜") String crop,
                            @Schema(example = "1500") Integer quantityGrams, @Schema(example = "第一茬小白菜，分给了邻居") String note,
                            @Schema(example = "https://img.bailian.example/p/123.jpg") String photoUrl, OffsetDateTime recordedAt) {
    }

    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    Outbox outbox;
    @Inject
    Residents residents;
    @Inject
    CareRules care;

    @POST
    @Path("/plots/{plotId}/journal")
    @Operation(operationId = "recordJournalEntry", summary = "Log sowing, watering, fertilising, a harvest or a note (the claimant only) / 记录种植日志",
            description = "认领人记录播种、浇水、施肥、收获（作物与重量）或心得，可附照片链接。/ The claimant logs sowing, watering, fertilising, a harvest (crop and weight) or a note, with optional photo links.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "400", description = "A harvest needs crop and quantityGrams; only a harvest has a quantity", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "NOT_PLOT_CLAIMANT", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    public Response record(@PathParam("plotId") UUID plotId, @Valid @NotNull RecordEntry request,
                           @HeaderParam(Idempotency.HEADER) String key) {
        caller.requireAuthenticated();
        Plot.require(plotId);
        if (request.kind() == JournalKind.HARVEST && (request.crop() == null || request.quantityGrams() == null)) {
            throw ProblemException.invalidField(request.crop() == null ? "crop" : "quantityGrams", "NotNull",
                    "a harvest needs crop and quantityGrams");
        }
        if (request.kind() != JournalKind.HARVEST && request.quantityGrams() != null) {
            throw ProblemException.invalidField("quantityGrams", "Null", "only a harvest has a quantity");
        }
        return idempotency.execute(key, "POST /plots/" + plotId + "/journal", request, () -> {
            EntryView entry = save(plotId, request);
            return Response.created(URI.create("/api/v1/plots/" + plotId + "/journal/" + entry.id())).entity(entry).build();
        });
    }

    @Transactional
    EntryView save(UUID plotId, RecordEntry request) {
        Claim claim = Claim.activeOnPlot(plotId);
        if (claim == null || !caller.isResident(claim.residentId)) {
            throw new ProblemException(403, "NOT_PLOT_CLAIMANT", plotId);
        }
        Claim.getEntityManager().lock(claim, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        JournalEntry entry = new JournalEntry();
        entry.id = UUID.randomUUID();
        entry.plotId = plotId;
        entry.farmId = claim.farmId;
        entry.communityId = claim.communityId;
        entry.claimId = claim.id;
        entry.residentId = claim.residentId;
        entry.kind = request.kind();
        entry.crop = request.crop() == null ? null : request.crop().strip();
        entry.quantityGrams = request.quantityGrams();
        entry.note = request.note();
        entry.photoUrl = request.photoUrl();
        entry.recordedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        entry.persist();
        claim.lastJournalAt = entry.recordedAt;
        care.journalRecorded(claim, now);
        outbox.publish(FarmEvents.JOURNAL_RECORDED, entry.id, new FarmEvents.JournalRecorded(entry.id, plotId,
                claim.farmId, claim.residentId, claim.communityId, entry.kind.name(), entry.crop, entry.quantityGrams));
        return view(entry, Map.of(claim.residentId, residents.maskedName(claim.residentId)));
    }

    @GET
    @Path("/plots/{plotId}/journal")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "listPlotJournal", summary = "A plot's journal, newest first (public, masked names) / 地块日志",
            description = "某地块的种植日志，最新在前；公开可查，姓名已脱敏。/ A plot's planting journal, newest first; public, names masked.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    public Page<EntryView> plotJournal(@PathParam("plotId") UUID plotId, @BeanParam PageRequest page) {
        Plot.require(plotId);
        return list("plotId", plotId, page);
    }

    @GET
    @Path("/farms/{farmId}/journal")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "listFarmJournal", summary = "The farm's community feed of journal entries, newest first (public, masked names) / 农场日志动态",
            description = "农场全部地块的日志动态，供居民交流种植经验；公开可查，姓名已脱敏。/ The farm's feed of journal entries from all plots, for residents to swap experience; public, names masked.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    public Page<EntryView> farmJournal(@PathParam("farmId") UUID farmId, @BeanParam PageRequest page) {
        Farm.require(farmId);
        return list("farmId", farmId, page);
    }

    private Page<EntryView> list(String field, UUID id, PageRequest page) {
        var query = JournalEntry.<JournalEntry>find(field, Sort.descending("recordedAt").and("id"), id);
        List<JournalEntry> entries = query.page(page.page(), page.size()).list();
        Map<UUID, String> names = residents.maskedNames(entries.stream().map(e -> e.residentId).distinct().toList());
        return page.page(entries.stream().map(e -> view(e, names)).toList(), query.count());
    }

    private static EntryView view(JournalEntry e, Map<UUID, String> names) {
        Plot plot = Plot.findById(e.plotId);
        return new EntryView(e.id, e.plotId, plot == null ? null : plot.code, e.farmId, names.getOrDefault(e.residentId, "*"),
                e.kind, e.crop, e.quantityGrams, e.note, e.photoUrl, e.recordedAt);
    }
}
