package cn.bailian.activity.activity;

import cn.bailian.kit.cache.PublicCached;
import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.http.QueryParams;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
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
import java.util.List;
import java.util.UUID;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "活动与课程、场次、报名 / Activities and courses, their sessions and enrollments")
public class ActivityResource {

    @Inject
    ActivityService activities;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createActivity",
            summary = "Create an activity or course as a draft (STAFF of the community)",
            description =
                    "社区工作人员创建活动或课程，初始状态为草稿（DRAFT），添加场次后方可发布。收费课程（MARKET）以分为单位填写费用。/ Staff of the community create an activity or course as a DRAFT; it can be published once it has a session. A MARKET course states its fee in fen.")
    @APIResponse(
            responseCode = "201",
            description = "Created (DRAFT)",
            content = @Content(schema = @Schema(implementation = ActivityApi.ActivityView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(
            responseCode = "422",
            description =
                    "FEE_INCONSISTENT (PUBLIC_WELFARE is free, MARKET has a fee), ORGANIZATION_NOT_FOUND, IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response create(@Valid @NotNull ActivityApi.CreateActivity request) {
        ActivityApi.ActivityView view = activities.create(request);
        return Response.created(URI.create("/api/v1/activities/" + view.id()))
                .entity(view)
                .tag(ETags.of(view.version()))
                .build();
    }

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @PublicCached // the same answer for everyone: no token, role or caller is looked at
    @Operation(
            operationId = "listActivities",
            summary = "Published activities (public)",
            description =
                    "from/to are dates in the community's local time: activities with sessions on or between them.")
    @APIResponse(responseCode = "200", description = "One page, soonest first")
    public Page<ActivityApi.ActivityView> list(
            @QueryParam("communityId") String communityId,
            @Parameter(description = "EARLY_EDUCATION, SPORTS, BAKING, …") @QueryParam("category") String category,
            @Parameter(description = "Only activities open to this age") @QueryParam("age") String age,
            @Parameter(description = "YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "YYYY-MM-DD") @QueryParam("to") String to,
            @BeanParam PageRequest page) {
        return activities.list(
                new ActivityService.Filter(
                        QueryParams.uuid("communityId", communityId),
                        QueryParams.enumOf(Activity.Category.class, "category", category),
                        QueryParams.integer("age", age, 0, 150),
                        QueryParams.date("from", from),
                        QueryParams.date("to", to)),
                page);
    }

    @GET
    @Path("/{id}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "getActivity",
            summary = "One activity (public once published; drafts for staff and provider)",
            description =
                    "已发布的活动任何人可查看；草稿仅社区工作人员和提供方可见。响应带 ETag。/ A published activity is public; a draft is visible to staff of the community and the provider only. The response carries the ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The activity, with its ETag",
            content = @Content(schema = @Schema(implementation = ActivityApi.ActivityView.class)))
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    public Response get(@PathParam("id") UUID id) {
        ActivityApi.ActivityView view = activities.get(id);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/{id}/publish")
    @Operation(
            operationId = "publishActivity",
            summary = "Publish a draft that has at least one session (STAFF)",
            description =
                    "社区工作人员发布至少有一个场次的草稿活动，发布后居民即可报名。/ Staff of the community publish a draft that has at least one session; residents can enrol from then on.")
    @APIResponse(
            responseCode = "200",
            description = "Published",
            content = @Content(schema = @Schema(implementation = ActivityApi.ActivityView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the activity's community")
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ACTIVITY_NOT_DRAFT")
    @APIResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match names an older version")
    @APIResponse(responseCode = "422", description = "ACTIVITY_HAS_NO_SESSIONS")
    public Response publish(
            @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag last seen") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        ActivityApi.ActivityView view = activities.publish(id, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            operationId = "cancelActivity",
            summary = "Cancel an activity: its enrollments are cancelled and its venue slots freed (STAFF)",
            description =
                    "社区工作人员取消活动：所有报名随之取消，占用的场地时段释放。/ Staff of the community cancel an activity: its enrollments are cancelled and its venue slots freed.")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = ActivityApi.ActivityView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the activity's community")
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ACTIVITY_CANCELLED: already cancelled")
    @APIResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match names an older version")
    public Response cancel(
            @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag last seen") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        ActivityApi.ActivityView view = activities.cancel(id, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addSession",
            summary = "Schedule a session; it books its venue like any booking (STAFF)",
            description =
                    "社区工作人员为活动安排场次；场次像普通预约一样占用场地，与已有预约冲突时返回 409。/ Staff of the community schedule a session; it books its venue like any booking and answers 409 when the slot is taken.")
    @APIResponse(
            responseCode = "201",
            description = "Scheduled, venue booked",
            content = @Content(schema = @Schema(implementation = ActivityApi.SessionView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the activity's community")
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "BOOKING_OVERLAP: the venue is taken; ACTIVITY_CANCELLED")
    @APIResponse(
            responseCode = "422",
            description = "VENUE_NOT_FOUND, OUTSIDE_OPENING_HOURS, BOOKING_IN_PAST, IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response addSession(@PathParam("id") UUID id, @Valid @NotNull ActivityApi.CreateSession request) {
        ActivityApi.SessionView session = activities.addSession(id, request);
        return Response.created(URI.create("/api/v1/activities/" + id + "/sessions"))
                .entity(session)
                .build();
    }

    @GET
    @Path("/{id}/sessions")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listSessions",
            summary = "An activity's sessions in time order (public once published)",
            description =
                    "活动的场次，按时间排序；已发布的活动公开可查。/ An activity's sessions in time order; public once the activity is published.")
    @APIResponse(responseCode = "200", description = "The sessions")
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    public List<ActivityApi.SessionView> sessions(@PathParam("id") UUID id) {
        return activities.sessions(id);
    }
}
