package cn.bailian.fund.trace;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * A project's trace, under the project's path. It reads donations, grants and attendance, so it is a feature of its
 * own on top of them (the project feature depends on none of those); the operation is documented with the projects.
 */
@Path("/api/v1/projects/{projectId}/trace")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ProjectTraceResource {

    @Inject
    TraceService traces;

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "traceProject",
            summary = "Donations → project → funded activities → sessions held → attendance, in one read (public)",
            description =
                    "项目追溯：定向捐赠、拨款、资助的活动、已举办的场次及每场签到人数，一次读取；只含金额与人数，公开可查。"
                            + "场次与签到来自活动服务的签到事件（有人签到的场次即为已举办）。/ A project's trace: donations earmarked for it, its grants, "
                            + "the activity it funds, the sessions held and the people checked in at each, in one read; amounts and counts only, public. "
                            + "Sessions and check-ins come from activity-service's attendance events (a session with a check-in was held).")
    @APIResponse(
            responseCode = "200",
            description = "The trace",
            content = @Content(schema = @Schema(implementation = TraceApi.ProjectTrace.class)))
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND")
    public TraceApi.ProjectTrace trace(@PathParam("projectId") UUID projectId) {
        return traces.trace(projectId);
    }
}
