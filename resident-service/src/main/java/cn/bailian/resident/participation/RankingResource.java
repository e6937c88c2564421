package cn.bailian.resident.participation;

import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.resident.participation.ParticipationApi.RankingRow;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/communities/{id}/participation/ranking")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participation", description = "参与记录与荣誉榜 / Participation record and ranking")
public class RankingResource {

    @Inject
    ParticipationService participation;

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "getParticipationRanking",
            summary = "The community's participation ranking / 荣誉榜",
            description = "Public; active residents with masked names only, most points first.")
    @APIResponse(responseCode = "200", description = "A page of the ranking")
    @APIResponse(responseCode = "404", description = "COMMUNITY_NOT_FOUND")
    public Page<RankingRow> ranking(@PathParam("id") UUID communityId, @BeanParam PageRequest page) {
        return participation.ranking(communityId, page);
    }
}
