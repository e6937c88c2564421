package cn.bailian.farm.claim;

import cn.bailian.farm.claim.ClaimApi.ClaimView;
import cn.bailian.farm.claim.ClaimApi.CreateClaim;
import cn.bailian.farm.claim.ClaimApi.RevokeClaim;
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

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "认领 / Plot claims")
public class ClaimResource {
    @Inject
    ClaimService claims;

    @POST
    @Path("/plots/{plotId}/claims")
    @Operation(
            operationId = "claimPlot",
            summary = "Claim an available plot (the resident, or STAFF for them) / 认领地块",
            description =
                    "居民本人（或社区工作人员代其）认领空闲地块，默认一年期；每户只能有一块有效认领，多人同时认领同一地块时只有一人成功。/ The resident (or staff for them) claims an AVAILABLE plot, for a year by default; one active claim per household, and of concurrent claims of one plot exactly one wins.")
    @APIResponse(
            responseCode = "201",
            description = "Claimed",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "Neither the resident nor staff of the farm's community")
    @APIResponse(responseCode = "404", description = "PLOT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "PLOT_NOT_AVAILABLE or HOUSEHOLD_ALREADY_HAS_PLOT")
    @APIResponse(responseCode = "422", description = "RESIDENT_NOT_ELIGIBLE")
    @Idempotent
    public Response claim(@PathParam("plotId") UUID plotId, @Valid @NotNull CreateClaim request) {
        ClaimView claim = claims.claim(plotId, request.residentId(), request.termMonths());
        return Response.created(URI.create("/api/v1/claims/" + claim.id()))
                .entity(claim)
                .tag(ETags.of(claim.version()))
                .build();
    }

    @GET
    @Path("/claims/{id}")
    @Operation(
            operationId = "getClaim",
            summary = "One claim (its resident or STAFF) / 认领详情",
            description =
                    "单条认领记录；认领居民本人或社区工作人员可查，响应带 ETag。/ One claim; for its resident or staff of the community, with its ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The claim",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "Not yours")
    @APIResponse(responseCode = "404", description = "CLAIM_NOT_FOUND")
    public Response get(@PathParam("id") UUID id) {
        ClaimView claim = claims.get(id);
        return Response.ok(claim).tag(ETags.of(claim.version())).build();
    }

    @GET
    @Path("/claims")
    @Operation(
            operationId = "listClaims",
            summary = "Claims of a resident (themselves or STAFF), or of a farm (STAFF) / 认领列表",
            description =
                    "按居民（本人或社区工作人员）或按农场（社区工作人员）查询认领记录，最新在前。/ Claims of a resident (themselves or staff) or of a farm (staff), newest first.")
    @APIResponse(responseCode = "200", description = "A page of claims, newest first")
    @APIResponse(responseCode = "400", description = "Neither residentId nor farmId given")
    @APIResponse(responseCode = "403", description = "Not allowed")
    public Page<ClaimView> list(
            @QueryParam("residentId") UUID residentId,
            @QueryParam("farmId") UUID farmId,
            @QueryParam("status") @Pattern(regexp = "ACTIVE|ENDED") String status,
            @BeanParam PageRequest page) {
        return claims.list(residentId, farmId, status == null ? null : Claim.Status.valueOf(status), page);
    }

    @POST
    @Path("/claims/{id}/release")
    @Operation(
            operationId = "releaseClaim",
            summary = "Give a plot back (the resident or STAFF); it is offered to the waitlist / 退还地块",
            description =
                    "认领居民或社区工作人员退还地块；地块随即邀约给候补名单首位。/ The resident or staff give a plot back; it is offered to the head of the waitlist.")
    @APIResponse(
            responseCode = "200",
            description = "Released",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "Not yours")
    @APIResponse(responseCode = "404", description = "CLAIM_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CLAIM_NOT_ACTIVE")
    @Consumes(MediaType.WILDCARD) // no body: a client that sends no Content-Type must not get 415
    public ClaimView release(@PathParam("id") UUID id) {
        return claims.release(id);
    }

    @POST
    @Path("/claims/{id}/renew")
    @Operation(
            operationId = "renewClaim",
            summary = "Renew for another term, near the end of the current one / 续期",
            description =
                    "在当前期限结束前的续期窗口内续期一个期限；有未解除的提醒时不能续期。/ Renew for another term within the renewal window before the current one ends; not while a care warning is open.")
    @APIResponse(
            responseCode = "200",
            description = "Renewed",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "Not yours")
    @APIResponse(responseCode = "404", description = "CLAIM_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CLAIM_NOT_ACTIVE, RENEWAL_NOT_OPEN or CLAIM_UNDER_WARNING")
    @APIResponse(responseCode = "422", description = "RESIDENT_NOT_ELIGIBLE")
    @Consumes(MediaType.WILDCARD) // no body: a client that sends no Content-Type must not get 415
    public ClaimView renew(@PathParam("id") UUID id) {
        return claims.renew(id);
    }

    @POST
    @Path("/claims/{id}/revoke")
    @Operation(
            operationId = "revokeClaim",
            summary = "Revoke a neglected plot (STAFF) after a warning whose re-inspection failed / 收回地块",
            description =
                    "社区工作人员在提醒后的复查仍不合格时收回无人打理的地块，须写明理由。/ Staff of the community revoke a neglected plot after a warning whose re-inspection failed, stating the reason.")
    @APIResponse(
            responseCode = "200",
            description = "Revoked",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(responseCode = "404", description = "CLAIM_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CLAIM_NOT_ACTIVE or REVOCATION_NEEDS_FAILED_WARNING")
    public ClaimView revoke(@PathParam("id") UUID id, @Valid @NotNull RevokeClaim request) {
        return claims.revoke(id, request.reason());
    }
}
