package cn.bailian.resident.participation;

import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.pii.Masking;
import cn.bailian.resident.community.CommunityResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/communities/{id}/participation/ranking")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participation", description = "参与记录与荣誉榜 / Participation record and ranking")
public class RankingResource {

    @Schema(name = "RankingRow")
    public record RankingRow(@Schema(example = "1") long rank, @Schema(example = "胡*") String displayName,
                             @Schema(example = "42") long points, @Schema(example = "7") long entries) {
    }

    @Inject
    EntityManager em;

    @GET
    @Transactional
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "getParticipationRanking", summary = "The community's participation ranking / 荣誉榜",
            description = "Public; active residents with masked names only, most points first.")
    @APIResponse(responseCode = "200", description = "A page of the ranking")
    @APIResponse(responseCode = "404", description = "COMMUNITY_NOT_FOUND")
    public Page<RankingRow> ranking(@PathParam("id") UUID communityId, @BeanParam PageRequest page) {
        CommunityResource.find(communityId);
        Number total = (Number) em.createNativeQuery("""
                        select count(distinct p.resident_id) from participation_entry p
                        join resident r on r.id = p.resident_id and r.community_id = p.community_id and r.status = 'ACTIVE'
                        where p.community_id = ?1""")
                .setParameter(1, communityId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select rank() over (order by sum(p.points) desc), r.name, sum(p.points), count(*)
                        from participation_entry p
                        join resident r on r.id = p.resident_id and r.community_id = p.community_id and r.status = 'ACTIVE'
                        where p.community_id = ?1
                        group by r.id, r.name
                        order by sum(p.points) desc, r.id limit ?2 offset ?3""")
                .setParameter(1, communityId).setParameter(2, page.size()).setParameter(3, page.offset()).getResultList();
        List<RankingRow> items = rows.stream().map(r -> new RankingRow(((Number) r[0]).longValue(), Masking.name((String) r[1]),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
        return page.page(items, total.longValue());
    }

}
