package cn.bailian.resident.community;

import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.audit.AuditTrail;
import cn.bailian.resident.compound.CompoundType;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/communities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Communities", description = "社区 / Communities")
public class CommunityResource {

    @Schema(name = "CreateCommunity")
    public record CreateCommunity(
            @Schema(example = "白莲社区") @NotBlank @Size(max = 100) String name,
            @Schema(example = "成都市成华区") @Size(max = 100) String district) {
    }

    @Schema(name = "Community")
    public record CommunityView(UUID id, @Schema(example = "白莲社区") String name, @Schema(example = "成都市成华区") String district, long version) {
    }

    @Schema(name = "CompoundStats")
    public record CompoundStats(UUID compoundId, @Schema(example = "白莲小区") String name, CompoundType type,
                                long households, long permanentResidents, long floatingResidents) {
    }

    @Schema(name = "CommunityStats", description = "Active residents only / 仅统计在册居民")
    public record CommunityStats(UUID communityId, long households, long permanentResidents, long floatingResidents,
                                 List<CompoundStats> compounds) {
    }

    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;

    @POST
    @Operation(operationId = "createCommunity", summary = "Create a community / 创建社区", description = "ADMIN only.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommunityView.class)))
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Not ADMIN")
    @APIResponse(responseCode = "409", description = "COMMUNITY_NAME_TAKEN")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    public Response create(@Valid @NotNull CreateCommunity request, @HeaderParam(Idempotency.HEADER) String key) {
        caller.requireAdmin();
        return idempotency.execute(key, "POST /communities", request, () -> {
            Community community = save(request);
            return Response.created(URI.create("/api/v1/communities/" + community.id)).entity(view(community))
                    .tag(ETags.of(community.version)).build();
        });
    }

    @Transactional
    Community save(CreateCommunity request) {
        if (Community.count("name", request.name().strip()) > 0) {
            throw ProblemException.conflict("COMMUNITY_NAME_TAKEN", request.name().strip());
        }
        Community community = new Community();
        community.id = UUID.randomUUID();
        community.name = request.name().strip();
        community.district = request.district();
        community.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("COMMUNITY_NAME_TAKEN", community.name);
        }
        audit.record(community.id, "COMMUNITY", community.id, "CREATED", List.of("name", "district"));
        return community;
    }

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "listCommunities", summary = "List communities / 社区列表", description = "Public.")
    @APIResponse(responseCode = "200", description = "A page of communities")
    public Page<CommunityView> list(@BeanParam PageRequest page) {
        var query = Community.<Community>findAll(Sort.by("name").and("id"));
        return page.page(query.page(page.page(), page.size()).list().stream().map(CommunityResource::view).toList(), query.count());
    }

    @GET
    @Path("/{id}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "getCommunity", summary = "Read a community / 查看社区", description = "Public.")
    @APIResponse(responseCode = "200", description = "The community",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommunityView.class)))
    @APIResponse(responseCode = "404", description = "COMMUNITY_NOT_FOUND")
    public Response get(@PathParam("id") UUID id) {
        Community community = find(id);
        return Response.ok(view(community)).tag(ETags.of(community.version)).build();
    }

    @GET
    @Path("/{id}/stats")
    @Transactional
    @Operation(operationId = "getCommunityStats", summary = "Households and residents per compound / 社区统计",
            description = "STAFF of the community or ADMIN. Counts active residents only.")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommunityStats.class)))
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "COMMUNITY_NOT_FOUND")
    public CommunityStats stats(@PathParam("id") UUID id) {
        find(id);
        caller.requireStaffOf(id);
        // index-only counts on resident_compound_counts (compound_id, residency_type) where status = 'ACTIVE'
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.id, c.name, c.type,
                               (select count(*) from household h where h.compound_id = c.id),
                               (select count(*) from resident r
                                 where r.compound_id = c.id and r.status = 'ACTIVE' and r.residency_type = 'PERMANENT'),
                               (select count(*) from resident r
                                 where r.compound_id = c.id and r.status = 'ACTIVE' and r.residency_type = 'FLOATING')
                        from compound c where c.community_id = ?1 order by c.name, c.id""")
                .setParameter(1, id).getResultList();
        List<CompoundStats> compounds = rows.stream().map(r -> new CompoundStats((UUID) r[0], (String) r[1],
                CompoundType.valueOf((String) r[2]), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                ((Number) r[5]).longValue())).toList();
        return new CommunityStats(id,
                compounds.stream().mapToLong(CompoundStats::households).sum(),
                compounds.stream().mapToLong(CompoundStats::permanentResidents).sum(),
                compounds.stream().mapToLong(CompoundStats::floatingResidents).sum(),
                compounds);
    }

    public static Community find(UUID id) {
        Community community = Community.findById(id);
        if (community == null) {
            throw ProblemException.notFound("COMMUNITY_NOT_FOUND", id);
        }
        return community;
    }

    static CommunityView view(Community community) {
        return new CommunityView(community.id, community.name, community.district, community.version);
    }
}
