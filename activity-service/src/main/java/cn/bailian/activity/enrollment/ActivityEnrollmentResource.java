package cn.bailian.activity.enrollment;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * An activity's enrollments, under the activity's path. They belong to the enrollment feature, which depends on
 * activities and not the other way round; the operations keep the "Activities" tag they are documented under.
 */
@Path("/api/v1/activities/{id}/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activities")
public class ActivityEnrollmentResource {

    @Inject
    EnrollmentService enrollments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "enrol",
            summary = "Enrol a participant: CONFIRMED while places are left, else WAITLISTED",
            description =
                    "The participant themselves, their guardian (guardianId = the caller) or staff of the community may enrol. "
                            + "A minor, and every participant of a parent-child activity, needs a linked guardian.")
    @APIResponse(
            responseCode = "201",
            description = "CONFIRMED (with a check-in code) or WAITLISTED (with a position)",
            content = @Content(schema = @Schema(implementation = EnrollmentApi.EnrollmentView.class)))
    @APIResponse(responseCode = "403", description = "Neither participant, guardian nor staff of the community")
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ALREADY_ENROLLED, ACTIVITY_CANCELLED")
    @APIResponse(
            responseCode = "422",
            description =
                    "AGE_OUT_OF_RANGE, GUARDIAN_REQUIRED, ENROLLMENT_CLOSED, RESIDENT_NOT_ELIGIBLE, IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response enrol(@PathParam("id") UUID id, @Valid @NotNull EnrollmentApi.Enrol request) {
        EnrollmentApi.EnrollmentView e = enrollments.enrol(id, request);
        return Response.created(URI.create("/api/v1/enrollments/" + e.id()))
                .entity(e)
                .build();
    }

    @GET
    @Operation(
            operationId = "listActivityEnrollments",
            summary = "An activity's enrollments (staff of the community, or the provider)",
            description =
                    "活动的报名名单，按状态排列，候补按顺序；仅限社区工作人员或提供方。/ An activity's enrollments by status, the waitlist in its order; for staff of the community or the provider.")
    @APIResponse(responseCode = "200", description = "One page, by status, the waitlist in its order")
    @APIResponse(responseCode = "403", description = "Neither staff nor the provider")
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    public Page<EnrollmentApi.EnrollmentView> enrollments(
            @PathParam("id") UUID id,
            @Parameter(description = "CONFIRMED, WAITLISTED or CANCELLED") @QueryParam("status") String status,
            @BeanParam PageRequest page) {
        return enrollments.ofActivity(id, QueryParams.enumOf(Enrollment.Status.class, "status", status), page);
    }
}
