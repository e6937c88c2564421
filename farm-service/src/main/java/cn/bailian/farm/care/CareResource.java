package cn.bailian.farm.care;

import cn.bailian.farm.care.CareApi.InspectionView;
import cn.bailian.farm.care.CareApi.RecordInspection;
import cn.bailian.farm.care.CareApi.WarningView;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Care", description = "巡查与提醒 / Inspections and care warnings")
public class CareResource {
    @Inject
    CareService care;

    @POST
    @Path("/plots/{plotId}/inspections")
    @Operation(
            operationId = "recordInspection",
            summary =
                    "Record an inspection of a claimed plot (STAFF); POOR warns, a second failure allows revocation / 巡查",
            description =
                    "社区工作人员巡查已认领地块：评为 POOR 时发出提醒，复查仍不合格即可收回。/ Staff of the community record an inspection of a claimed plot: POOR issues a care warning, and a failed re-inspection allows revocation.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "PLOT_NOT_CLAIMED")
    @Idempotent
    public Response inspect(@PathParam("plotId") UUID plotId, @Valid @NotNull RecordInspection request) {
        CareService.Outcome outcome = care.inspect(plotId, request.grade(), request.note(), request.photoUrl());
        InspectionView inspection = InspectionView.of(outcome.inspection(), outcome.warning());
        return Response.created(URI.create("/api/v1/plots/" + plotId + "/inspections/" + inspection.id()))
                .entity(inspection)
                .build();
    }

    @GET
    @Path("/plots/{plotId}/inspections")
    @Operation(
            operationId = "listInspections",
            summary = "A plot's inspections, newest first (STAFF) / 巡查记录",
            description = "某地块的巡查记录，最新在前；仅限社区工作人员。/ A plot's inspections, newest first; staff of the community only.")
    @APIResponse(responseCode = "200", description = "A page of inspections")
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND")
    public Page<InspectionView> inspections(@PathParam("plotId") UUID plotId, @BeanParam PageRequest page) {
        return care.inspections(plotId, page).map(i -> InspectionView.of(i, null));
    }

    @GET
    @Path("/claims/{claimId}/warnings")
    @Operation(
            operationId = "listWarnings",
            summary = "A claim's care warnings, newest first (its resident or STAFF) / 提醒记录",
            description =
                    "某认领收到的提醒，最新在前；认领居民或社区工作人员可查。/ A claim's care warnings, newest first; for its resident or staff of the community.")
    @APIResponse(responseCode = "200", description = "The warnings")
    @APIResponse(responseCode = "403", description = "Not yours")
    @APIResponse(responseCode = "404", description = "CLAIM_NOT_FOUND")
    public Page<WarningView> warnings(@PathParam("claimId") UUID claimId, @BeanParam PageRequest page) {
        return care.warnings(claimId, page).map(WarningView::of);
    }
}
