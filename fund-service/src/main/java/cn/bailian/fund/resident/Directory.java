package cn.bailian.fund.resident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the projection of residents and organisations. */
@ApplicationScoped
public class Directory {

    @Inject
    EntityManager em;

    public record KnownResident(UUID residentId, UUID communityId, String displayName, boolean active) {}

    public record KnownOrganization(UUID organizationId, UUID communityId, String name, String kind) {}

    public Optional<KnownResident> resident(UUID residentId) {
        if (residentId == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select community_id, display_name, status from known_resident where resident_id = ?1")
                .setParameter(1, residentId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new KnownResident(residentId, (UUID) r[0], (String) r[1], "ACTIVE".equals(r[2])));
    }

    public Optional<KnownOrganization> organization(UUID organizationId) {
        if (organizationId == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select community_id, name, kind from known_organization where organization_id = ?1")
                .setParameter(1, organizationId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new KnownOrganization(organizationId, (UUID) r[0], (String) r[1], (String) r[2]));
    }
}
