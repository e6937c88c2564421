package cn.bailian.farm.waitlist;

import cn.bailian.farm.waitlist.WaitlistApi.EntryView;
import cn.bailian.farm.waitlist.WaitlistApi.JoinWaitlist;
import cn.bailian.farm.waitlist.WaitlistApi.MoveEntry;
import cn.bailian.farm.waitlist.WaitlistApi.PublicEntryView;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
@Tag(name = "Waitlist", description = "候补名单 / Waitlist")
public class WaitlistResource {
    @Inject
    WaitlistService waitlists;

    @POST
    @Path("/farms/{farmId}/waitlist")
    @Operation(
            operationId = "joinWaitlist",
            summary = "Join a farm's waitlist (the resident, or STAFF for them) / 加入候补",
            description =
                    "没有空闲地块时，居民本人（或社区工作人员代其）加入农场候补名单，默认先到先得。/ The resident (or staff for them) join a farm's waitlist when no plot is free; first come, first served by default.")
    @APIResponse(
            responseCode = "201",
            description = "On the list",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ALREADY_ON_WAITLIST or HOUSEHOLD_ALREADY_HAS_PLOT")
    @APIResponse(responseCode = "422", description = "RESIDENT_NOT_ELIGIBLE")
    @Idempotent
    public Response join(@PathParam("farmId") UUID farmId, @Valid @NotNull JoinWaitlist request) {
        EntryView joined = waitlists.join(farmId, request.residentId());
        return Response.created(URI.create("/api/v1/waitlist/" + joined.id()))
                .entity(joined)
                .build();
    }

    @GET
    @Path("/farms/{farmId}/waitlist")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listWaitlist",
            summary = "A farm's waitlist in order, masked names (public) / 候补名单",
            description = "农场候补名单，按顺序排列；公开可查，姓名已脱敏。/ A farm's waitlist in order; public, names masked.")
    @APIResponse(responseCode = "200", description = "A page of the list, head first")
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND")
    public Page<PublicEntryView> list(@PathParam("farmId") UUID farmId, @BeanParam PageRequest page) {
        return waitlists.listOf(farmId, page);
    }

    @GET
    @Path("/waitlist/{entryId}")
    @Operation(
            operationId = "getWaitlistEntry",
            summary = "One entry with its current position (its resident or STAFF) / 候补详情",
            description =
                    "单条候补记录及当前排位；候补居民本人或社区工作人员可查。/ One waitlist entry with its current position; for its resident or staff of the community.")
    @APIResponse(
            responseCode = "200",
            description = "The entry",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "403", description = "Not yours")
    @APIResponse(responseCode = "404", description = "WAITLIST_ENTRY_NOT_FOUND")
    public EntryView get(@PathParam("entryId") UUID entryId) {
        return waitlists.get(entryId);
    }

    @DELETE
    @Path("/waitlist/{entryId}")
    @Operation(
            operationId = "leaveWaitlist",
            summary = "Leave the waitlist (the resident, or STAFF) / 退出候补",
            description = "居民本人或社区工作人员退出候补。/ The resident or staff take an entry off the waitlist.")
    @APIResponse(responseCode = "204", description = "Left; an offer held passes on")
    @APIResponse(responseCode = "403", description = "Not yours")
    @APIResponse(responseCode = "404", description = "WAITLIST_ENTRY_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "WAITLIST_ENTRY_NOT_ACTIVE")
    public Response leave(@PathParam("entryId") UUID entryId) {
        waitlists.leave(entryId);
        return Response.noContent().build();
    }

    @POST
    @Path("/waitlist/{entryId}/position")
    @Operation(
            operationId = "moveWaitlistEntry",
            summary = "Move an entry to a position (STAFF, with a published reason) / 调整候补顺序",
            description =
                    "社区工作人员调整候补顺序，须公开理由。/ Staff of the community move an entry to a position, with a published reason.")
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "400", description = "Position beyond the list")
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(responseCode = "404", description = "WAITLIST_ENTRY_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "WAITLIST_ENTRY_NOT_ACTIVE")
    public EntryView move(@PathParam("entryId") UUID entryId, @Valid @NotNull MoveEntry request) {
        return waitlists.reorder(entryId, request.position(), request.reason().strip());
    }
}
