package cn.bailian.farm.resident;

import cn.bailian.farm.resident.ResidentApi.EligibilityView;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility", description = "居民资格（来自居民事件）/ Resident eligibility, from resident events")
public class EligibilityResource {

    @Inject
    ResidentService residents;

    @GET
    @Path("/residents/{residentId}/eligibility")
    @Operation(
            operationId = "getEligibility",
            summary =
                    "What farm-service knows of a resident (the resident, STAFF of their community, ADMIN, SERVICE) / 居民资格",
            description =
                    "农场服务从居民事件中得知的居民资格（社区、状态、户）；居民本人、其社区工作人员、管理员或服务可查。/ What farm-service knows of a resident from resident events (community, status, household); for the resident, staff of their community, ADMIN or SERVICE.")
    @APIResponse(
            responseCode = "200",
            description = "The projection",
            content = @Content(schema = @Schema(implementation = EligibilityView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "RESIDENT_UNKNOWN")
    public EligibilityView get(@PathParam("residentId") UUID residentId) {
        return residents.eligibility(residentId);
    }
}
