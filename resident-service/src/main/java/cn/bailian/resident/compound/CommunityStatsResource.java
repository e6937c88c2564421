package cn.bailian.resident.compound;

import cn.bailian.resident.compound.CompoundApi.CommunityStats;
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

/**
 * A community's households and residents per compound. Served by the compound feature, which knows compounds and
 * their communities; the community feature knows no compound (so the two features depend one way only).
 */
@Path("/api/v1/communities/{id}/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communities", description = "社区 / Communities")
public class CommunityStatsResource {

    @Inject
    CompoundService compounds;

    @GET
    @Operation(
            operationId = "getCommunityStats",
            summary = "Households and residents per compound / 社区统计",
            description = "STAFF of the community or ADMIN. Counts active residents only.")
    @APIResponse(
            responseCode = "200",
            description = "The statistics",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommunityStats.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "COMMUNITY_NOT_FOUND")
    public CommunityStats stats(@PathParam("id") UUID id) {
        return compounds.statsOf(id);
    }
}
