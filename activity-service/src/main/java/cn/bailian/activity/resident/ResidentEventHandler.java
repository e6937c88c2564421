package cn.bailian.activity.resident;

import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/** Keeps the resident, guardian and organisation projections, and applies move-outs. */
@ApplicationScoped
public class ResidentEventHandler implements EventHandler {

    public static final String TOPIC = "bailian.resident.events";
    static final String REGISTERED = "cn.bailian.resident.registered.v1";
    static final String UPDATED = "cn.bailian.resident.updated.v1";
    static final String MOVED_OUT = "cn.bailian.resident.moved-out.v1";
    static final String ORGANIZATION_REGISTERED = "cn.bailian.resident.organization.registered.v1";
    static final String GUARDIAN_LINKED = "cn.bailian.resident.guardian.linked.v1";

    record ResidentState(
            UUID residentId,
            UUID communityId,
            UUID householdId,
            String displayName,
            LocalDate birthDate,
            String status) {}

    record MovedOut(UUID residentId, UUID communityId, LocalDate movedOutOn) {}

    record OrganizationRegistered(UUID organizationId, UUID communityId, String name, String kind) {}

    record GuardianLinked(UUID childId, UUID guardianId, String relation, UUID communityId) {}

    @Inject
    EntityManager em;

    @Inject
    Event<ResidentMovedOut> movedOut;

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(REGISTERED, UPDATED, MOVED_OUT, ORGANIZATION_REGISTERED, GUARDIAN_LINKED);
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case REGISTERED, UPDATED -> upsert(event.dataAs(ResidentState.class));
            case MOVED_OUT -> movedOut(event.dataAs(MovedOut.class));
            case ORGANIZATION_REGISTERED -> organization(event.dataAs(OrganizationRegistered.class));
            case GUARDIAN_LINKED -> guardian(event.dataAs(GuardianLinked.class));
            default -> {}
        }
    }

    // The kit's consumer applies one event at a time, so find-then-persist does not race with itself.
    // Fields are set before persist: Hibernate takes the insert's values at persist time.
    private void upsert(ResidentState r) {
        Resident resident = Resident.findById(r.residentId());
        boolean fresh = resident == null;
        if (fresh) {
            resident = new Resident();
            resident.id = r.residentId();
        }
        resident.communityId = r.communityId();
        resident.householdId = r.householdId();
        resident.displayName = r.displayName();
        resident.birthDate = r.birthDate();
        resident.status = r.status() == null ? Resident.ACTIVE : r.status();
        resident.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (fresh) {
            resident.persist();
        }
    }

    private void movedOut(MovedOut m) {
        Resident resident = Resident.findById(m.residentId());
        boolean fresh = resident == null;
        if (fresh) {
            resident = new Resident();
            resident.id = m.residentId();
            resident.communityId = m.communityId();
        }
        resident.status = Resident.MOVED_OUT;
        resident.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (fresh) {
            resident.persist();
        }
        em.flush();
        // enrollments and venue bookings give up the resident's future places, in this transaction
        movedOut.fire(new ResidentMovedOut(m.residentId()));
    }

    private void organization(OrganizationRegistered o) {
        Organization organization = Organization.findById(o.organizationId());
        boolean fresh = organization == null;
        if (fresh) {
            organization = new Organization();
            organization.id = o.organizationId();
        }
        organization.communityId = o.communityId();
        organization.name = o.name();
        organization.kind = o.kind();
        if (fresh) {
            organization.persist();
        }
    }

    private void guardian(GuardianLinked g) {
        GuardianLink link = GuardianLink.findById(new GuardianLink.Key(g.childId(), g.guardianId()));
        boolean fresh = link == null;
        if (fresh) {
            link = new GuardianLink();
            link.childId = g.childId();
            link.guardianId = g.guardianId();
        }
        link.relation = g.relation();
        link.communityId = g.communityId();
        if (fresh) {
            link.persist();
        }
    }
}
