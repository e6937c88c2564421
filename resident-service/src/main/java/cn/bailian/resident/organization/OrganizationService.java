package cn.bailian.resident.organization;

import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.audit.AuditTrail;
import cn.bailian.resident.community.Community;
import cn.bailian.resident.organization.OrganizationApi.CreateOrganization;
import cn.bailian.resident.organization.OrganizationApi.OrganizationView;
import cn.bailian.resident.resident.ResidentEvents;
import cn.bailian.resident.resident.ResidentEvents.OrganizationRegistered;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Registering and listing a community's organisations (四社联动). */
@ApplicationScoped
public class OrganizationService {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    /** STAFF of the community or ADMIN; a name is unique within its community. Publishes organization.registered.v1. */
    @Transactional
    public OrganizationView register(CreateOrganization request) {
        caller.requireStaffOf(request.communityId());
        if (!Community.exists(request.communityId())) {
            throw ProblemException.unprocessable("COMMUNITY_NOT_FOUND", request.communityId());
        }
        String name = request.name().strip();
        if (Organization.count("communityId = ?1 and name = ?2", request.communityId(), name) > 0) {
            throw ProblemException.conflict("ORGANIZATION_NAME_TAKEN", name);
        }
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.communityId = request.communityId();
        organization.name = name;
        organization.kind = request.kind();
        organization.description = request.description();
        organization.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("ORGANIZATION_NAME_TAKEN", name);
        }
        audit.record(
                organization.communityId,
                "ORGANIZATION",
                organization.id,
                "REGISTERED",
                List.of("name", "kind", "description"));
        outbox.publish(
                ResidentEvents.ORGANIZATION_REGISTERED,
                organization.id,
                new OrganizationRegistered(
                        organization.id, organization.communityId, organization.name, organization.kind.name()));
        return view(organization);
    }

    /** Public; kind is optional. */
    public Page<OrganizationView> list(UUID communityId, OrganizationKind kind, PageRequest page) {
        Community.require(communityId);
        String where = kind == null ? "communityId = :community" : "communityId = :community and kind = :kind";
        Parameters params = Parameters.with("community", communityId);
        if (kind != null) {
            params.and("kind", kind);
        }
        var query = Organization.<Organization>find(where, Sort.by("name").and("id"), params);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(OrganizationService::view)
                        .toList(),
                query.count());
    }

    static OrganizationView view(Organization organization) {
        return new OrganizationView(
                organization.id,
                organization.communityId,
                organization.name,
                organization.kind,
                organization.description,
                organization.version);
    }
}
