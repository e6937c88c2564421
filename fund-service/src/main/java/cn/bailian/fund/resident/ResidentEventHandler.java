package cn.bailian.fund.resident;

import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What fund-service knows of residents (community, masked name, status) and organisations, kept from
 * resident-service's events: donors who name themselves, proposers, payees and objectors are checked here.
 */
@ApplicationScoped
public class ResidentEventHandler implements EventHandler {

    static final String REGISTERED = "cn.bailian.resident.registered.v1";
    static final String UPDATED = "cn.bailian.resident.updated.v1";
    static final String MOVED_OUT = "cn.bailian.resident.moved-out.v1";
    static final String ORGANIZATION_REGISTERED = "cn.bailian.resident.organization.registered.v1";

    @Inject
    EntityManager em;

    record ResidentState(UUID residentId, UUID communityId, String displayName, String status) {}

    record MovedOut(UUID residentId, UUID communityId) {}

    record OrganizationRegistered(UUID organizationId, UUID communityId, String name, String kind) {}

    @Override
    public String topic() {
        return "bailian.resident.events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(REGISTERED, UPDATED, MOVED_OUT, ORGANIZATION_REGISTERED);
    }

    @Override
    public void handle(CloudEvent event) {
        Instant at = event.time() == null ? Instant.now() : event.time().toInstant();
        switch (event.type()) {
            case REGISTERED, UPDATED -> {
                ResidentState r = event.dataAs(ResidentState.class);
                if (r.residentId() == null || r.communityId() == null) {
                    throw new IllegalArgumentException("resident event without residentId or communityId");
                }
                String status = "MOVED_OUT".equals(r.status()) ? "MOVED_OUT" : "ACTIVE";
                // events of one resident arrive in order (same key); the time guard keeps a replay from going back
                em.createNativeQuery("""
                                insert into known_resident (resident_id, community_id, display_name, status, updated_at)
                                values (?1, ?2, ?3, ?4, ?5)
                                on conflict (resident_id) do update set community_id = excluded.community_id,
                                    display_name = excluded.display_name, status = excluded.status, updated_at = excluded.updated_at
                                where known_resident.updated_at <= excluded.updated_at""")
                        .setParameter(1, r.residentId())
                        .setParameter(2, r.communityId())
                        .setParameter(3, r.displayName() == null ? "*" : r.displayName())
                        .setParameter(4, status)
                        .setParameter(5, at)
                        .executeUpdate();
            }
            case MOVED_OUT -> {
                MovedOut m = event.dataAs(MovedOut.class);
                em.createNativeQuery("""
                                insert into known_resident (resident_id, community_id, display_name, status, updated_at)
                                values (?1, ?2, '*', 'MOVED_OUT', ?3)
                                on conflict (resident_id) do update set status = 'MOVED_OUT', updated_at = excluded.updated_at""")
                        .setParameter(1, m.residentId())
                        .setParameter(2, m.communityId())
                        .setParameter(3, at)
                        .executeUpdate();
            }
            case ORGANIZATION_REGISTERED -> {
                OrganizationRegistered o = event.dataAs(OrganizationRegistered.class);
                em.createNativeQuery("""
                                insert into known_organization (organization_id, community_id, name, kind, updated_at)
                                values (?1, ?2, ?3, ?4, ?5)
                                on conflict (organization_id) do update set community_id = excluded.community_id,
                                    name = excluded.name, kind = excluded.kind, updated_at = excluded.updated_at""")
                        .setParameter(1, o.organizationId())
                        .setParameter(2, o.communityId())
                        .setParameter(3, o.name())
                        .setParameter(4, o.kind() == null ? "UNKNOWN" : o.kind())
                        .setParameter(5, at)
                        .executeUpdate();
            }
            default -> {
                // other types on the topic are not ours to apply
            }
        }
    }
}
