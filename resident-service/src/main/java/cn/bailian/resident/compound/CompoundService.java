package cn.bailian.resident.compound;

import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.audit.AuditTrail;
import cn.bailian.resident.community.Community;
import cn.bailian.resident.compound.CompoundApi.CommunityStats;
import cn.bailian.resident.compound.CompoundApi.CompoundStats;
import cn.bailian.resident.compound.CompoundApi.CompoundView;
import cn.bailian.resident.compound.CompoundApi.CreateCompound;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** A community's compounds, and its households and residents counted per compound. */
@ApplicationScoped
public class CompoundService {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** STAFF of the community or ADMIN; a name is unique within its community. */
    @Transactional
    public CompoundView create(CreateCompound request) {
        caller.requireStaffOf(request.communityId());
        if (!Community.exists(request.communityId())) {
            throw ProblemException.unprocessable("COMMUNITY_NOT_FOUND", request.communityId());
        }
        String name = request.name().strip();
        if (Compound.count("communityId = ?1 and name = ?2", request.communityId(), name) > 0) {
            throw ProblemException.conflict("COMPOUND_NAME_TAKEN", name);
        }
        Compound compound = new Compound();
        compound.id = UUID.randomUUID();
        compound.communityId = request.communityId();
        compound.name = name;
        compound.type = request.type();
        compound.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("COMPOUND_NAME_TAKEN", name);
        }
        audit.record(compound.communityId, "COMPOUND", compound.id, "CREATED", List.of("name", "type"));
        return view(compound);
    }

    /** Public. */
    public Page<CompoundView> list(UUID communityId, PageRequest page) {
        Community.require(communityId);
        var query = Compound.<Compound>find("communityId", Sort.by("name").and("id"), communityId);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(CompoundService::view)
                        .toList(),
                query.count());
    }

    /** STAFF of the community or ADMIN. Counts active residents only. */
    @Transactional
    public CommunityStats statsOf(UUID communityId) {
        Community.require(communityId);
        caller.requireStaffOf(communityId);
        // index-only counts on resident_compound_counts (compound_id, residency_type) where status = 'ACTIVE'
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        select c.id, c.name, c.type,
                               (select count(*) from household h where h.compound_id = c.id),
                               (select count(*) from resident r
                                 where r.compound_id = c.id and r.status = 'ACTIVE' and r.residency_type = 'PERMANENT'),
                               (select count(*) from resident r
                                 where r.compound_id = c.id and r.status = 'ACTIVE' and r.residency_type = 'FLOATING')
                        from compound c where c.community_id = ?1 order by c.name, c.id""").setParameter(1, communityId).getResultList();
        List<CompoundStats> compounds = rows.stream()
                .map(r -> new CompoundStats(
                        (UUID) r[0],
                        (String) r[1],
                        CompoundType.valueOf((String) r[2]),
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(),
                        ((Number) r[5]).longValue()))
                .toList();
        return new CommunityStats(
                communityId,
                compounds.stream().mapToLong(CompoundStats::households).sum(),
                compounds.stream().mapToLong(CompoundStats::permanentResidents).sum(),
                compounds.stream().mapToLong(CompoundStats::floatingResidents).sum(),
                compounds);
    }

    static CompoundView view(Compound compound) {
        return new CompoundView(compound.id, compound.communityId, compound.name, compound.type, compound.version);
    }
}
