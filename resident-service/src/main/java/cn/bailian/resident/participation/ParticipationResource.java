package cn.bailian.resident.participation;

import cn.bailian.kit.paging.PageRequest;
import cn.bailian.resident.participation.ParticipationApi.ParticipationView;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

@Path("/api/v1/residents/{id}/participation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participation", description = "参与记录与荣誉榜 / Participation record and ranking")
public class ParticipationResource {

    @Inject
    ParticipationService participation;

    @GET
    @Operation(
            operationId = "getParticipation",
            summary = "A resident's participation timeline and points / 参与记录",
            description =
                    "The resident, their household, their guardians, STAFF of the community and ADMIN. Fed by the farm, activity and fund events.")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipationView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed to see this resident")
    @APIResponse(responseCode = "404", description = "RESIDENT_NOT_FOUND")
    public ParticipationView participation(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return participation.of(id, page);
    }
}
