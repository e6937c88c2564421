package cn.bailian.resident.community;

import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.audit.AuditTrail;
import cn.bailian.resident.community.CommunityApi.CommunityView;
import cn.bailian.resident.community.CommunityApi.CreateCommunity;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Creating and reading communities. */
@ApplicationScoped
public class CommunityService {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** ADMIN only; a community's name is unique. */
    @Transactional
    public CommunityView create(CreateCommunity request) {
        caller.requireAdmin();
        String name = request.name().strip();
        if (Community.count("name", name) > 0) {
            throw ProblemException.conflict("COMMUNITY_NAME_TAKEN", name);
        }
        Community community = new Community();
        community.id = UUID.randomUUID();
        community.name = name;
        community.district = request.district();
        community.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("COMMUNITY_NAME_TAKEN", community.name);
        }
        audit.record(community.id, "COMMUNITY", community.id, "CREATED", List.of("name", "district"));
        return view(community);
    }

    public Page<CommunityView> list(PageRequest page) {
        var query = Community.<Community>findAll(Sort.by("name").and("id"));
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(CommunityService::view)
                        .toList(),
                query.count());
    }

    public CommunityView get(UUID id) {
        return view(Community.require(id));
    }

    static CommunityView view(Community community) {
        return new CommunityView(community.id, community.name, community.district, community.version);
    }
}
