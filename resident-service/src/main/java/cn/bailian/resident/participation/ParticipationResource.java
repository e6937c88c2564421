package cn.bailian.resident.participation;

import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.security.Roles;
import cn.bailian.resident.resident.Resident;
import cn.bailian.resident.resident.ResidentService;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/residents/{id}/participation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participation", description = "参与记录与荣誉榜 / Participation record and ranking")
public class ParticipationResource {

    @Schema(name = "ParticipationEntry")
    public record EntryView(@Schema(example = "cn.bailian.farm.plot.claimed.v1") String eventType,
                            @Schema(example = "A-01") String detail,
                            @Schema(example = "8b52e562-7597-3fa4-9be2-fcbbdd3e2eb1") String subjectId,
                            @Schema(example = "10") int points, OffsetDateTime occurredAt) {
    }

    @Schema(name = "Participation", description = "A resident's timeline (newest first, paged) and total points")
    public record ParticipationView(UUID residentId, @Schema(example = "18") long points, List<EntryView> items,
                                    int page, int size, long total) {
    }

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    ResidentService residents;

    @GET
    @Transactional
    @Operation(operationId = "getParticipation", summary = "A resident's participation timeline and points / 参与记录",
            description = "The resident, their household, their guardians, STAFF of the community and ADMIN. Fed by the farm, activity and fund events.")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipationView.class)))
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Not allowed to see this resident")
    @APIResponse(responseCode = "404", description = "RESIDENT_NOT_FOUND")
    public ParticipationView participation(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        caller.requireAuthenticated();
        if (caller.is(Roles.SERVICE) && !caller.isAdmin()) {
            throw ProblemException.forbidden(); // the record is the resident's and their community's: no district system reads it
        }
        Resident resident = residents.find(id);
        residents.requireRead(resident);
        Object[] totals = (Object[]) em.createNativeQuery(
                        "select count(*), coalesce(sum(points), 0) from participation_entry where resident_id = ?1")
                .setParameter(1, id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select event_type, detail, subject_id, points, occurred_at from participation_entry
                        where resident_id = ?1 order by occurred_at desc, id limit ?2 offset ?3""")
                .setParameter(1, id).setParameter(2, page.size()).setParameter(3, page.offset()).getResultList();
        List<EntryView> items = rows.stream().map(r -> new EntryView((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), instant(r[4]))).toList();
        return new ParticipationView(id, ((Number) totals[1]).longValue(), items, page.page(), page.size(),
                ((Number) totals[0]).longValue());
    }

    static OffsetDateTime instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
