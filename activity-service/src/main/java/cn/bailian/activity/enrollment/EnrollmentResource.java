package cn.bailian.activity.enrollment;

import cn.bailian.kit.http.QueryParams;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Enrollments",
        description = "报名与候补 / Enrollments and waitlist (enrol with POST /api/v1/activities/{id}/enrollments)")
public class EnrollmentResource {

    @Inject
    EnrollmentService enrollments;

    @GET
    @Operation(
            operationId = "listResidentEnrollments",
            summary =
                    "A resident's enrollments, as participant or guardian (the resident, or staff of their community)",
            description =
                    "居民作为参与者或监护人的报名记录，最新在前；本人或其社区工作人员可查。/ A resident's enrollments as participant or guardian, newest first; for the resident or staff of their community.")
    @APIResponse(responseCode = "200", description = "One page, newest first")
    @APIResponse(responseCode = "403", description = "Neither the resident nor staff of their community")
    public Page<EnrollmentApi.EnrollmentView> list(
            @QueryParam("residentId") String residentId, @BeanParam PageRequest page) {
        return enrollments.ofResident(QueryParams.requiredUuid("residentId", residentId), page);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getEnrollment",
            summary = "One enrollment (participant, guardian, staff or the provider)",
            description =
                    "单条报名记录；参与者、监护人、社区工作人员或提供方可查。/ One enrollment; for the participant, the guardian, staff of the community or the provider.")
    @APIResponse(responseCode = "200", description = "The enrollment")
    @APIResponse(responseCode = "403", description = "Not allowed to see it")
    @APIResponse(responseCode = "404", description = "ENROLLMENT_NOT_FOUND")
    public EnrollmentApi.EnrollmentView get(@PathParam("id") UUID id) {
        return enrollments.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            operationId = "cancelEnrollment",
            summary = "Cancel an enrollment or leave the waitlist; a freed place goes to the head of the waitlist",
            description =
                    "取消报名或退出候补；空出的名额自动递补给候补名单首位。/ Cancel an enrollment or leave the waitlist; a freed place goes to the head of the waitlist at once.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "403", description = "Neither participant, guardian, staff nor the provider")
    @APIResponse(responseCode = "404", description = "ENROLLMENT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ENROLLMENT_NOT_ACTIVE: already cancelled")
    public EnrollmentApi.EnrollmentView cancel(@PathParam("id") UUID id) {
        return enrollments.cancel(id);
    }
}
