package cn.bailian.activity.attendance;

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

@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Check-in", description = "签到 / Check-in per session")
public class AttendanceResource {

    @Inject
    AttendanceService attendance;

    @POST
    @Path("/{id}/check-ins")
    @Operation(
            operationId = "checkIn",
            summary = "Check a confirmed participant in, by enrollment id or check-in code (staff or the provider)",
            description =
                    "社区工作人员或活动提供方为已确认报名的参与者签到，可用报名编号或签到码；同一场次重复签到只记一次。/ Staff of the community or the provider check a confirmed participant in to a session, by enrollment id or check-in code; a second check-in to the same session records nothing new.")
    @APIResponse(
            responseCode = "201",
            description = "Attendance recorded",
            content = @Content(schema = @Schema(implementation = AttendanceApi.AttendanceView.class)))
    @APIResponse(responseCode = "403", description = "Neither staff of the community nor the provider")
    @APIResponse(responseCode = "404", description = "SESSION_NOT_FOUND, ENROLLMENT_NOT_FOUND, CHECK_IN_CODE_UNKNOWN")
    @APIResponse(responseCode = "409", description = "ALREADY_CHECKED_IN, ENROLLMENT_NOT_CONFIRMED, SESSION_CANCELLED")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response checkIn(@PathParam("id") UUID id, @Valid @NotNull AttendanceApi.CheckIn request) {
        AttendanceApi.AttendanceView view = attendance.checkIn(id, request);
        return Response.created(URI.create("/api/v1/sessions/" + id + "/attendance"))
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}/attendance")
    @Operation(
            operationId = "listAttendance",
            summary = "Who checked in to a session (staff or the provider)",
            description =
                    "某一场次的签到记录，按签到时间排序；仅限社区工作人员或活动提供方。/ The attendance of one session in check-in order; for staff of the community or the provider only.")
    @APIResponse(responseCode = "200", description = "One page, in check-in order")
    @APIResponse(responseCode = "403", description = "Neither staff of the community nor the provider")
    @APIResponse(responseCode = "404", description = "SESSION_NOT_FOUND")
    public Page<AttendanceApi.AttendanceView> list(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return attendance.attendance(id, page);
    }
}
