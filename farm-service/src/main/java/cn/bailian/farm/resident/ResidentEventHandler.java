package cn.bailian.farm.resident;

import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * Consumer of resident-service's events: keeps the eligibility projection. A resident who moves out loses their claim
 * (reason MOVED_OUT; the plot goes to the waitlist) and their places on waitlists.
 */
@ApplicationScoped
public class ResidentEventHandler implements EventHandler {

    static final String REGISTERED = "cn.bailian.resident.registered.v1";
    static final String UPDATED = "cn.bailian.resident.updated.v1";
    static final String MOVED_OUT = "cn.bailian.resident.moved-out.v1";
    static final String HOUSEHOLD_REGISTERED = "cn.bailian.resident.household.registered.v1";

    private static final Logger LOG = Logger.getLogger(ResidentEventHandler.class);

    record ResidentState(UUID residentId, UUID communityId, UUID householdId, String displayName, String status) {}

    record MovedOut(UUID residentId, UUID communityId, UUID householdId, LocalDate movedOutOn) {}

    record HouseholdRegistered(UUID householdId, UUID communityId, UUID compoundId) {}

    @Inject
    ResidentService residents;

    @Inject
    Event<ResidentMovedOut> movedOut;

    @Inject
    EntityManager em;

    @Override
    public String topic() {
        return "bailian.resident.events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(REGISTERED, UPDATED, MOVED_OUT, HOUSEHOLD_REGISTERED);
    }

    @Override
    public void handle(CloudEvent event) {
        OffsetDateTime time = event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
        switch (event.type()) {
            case REGISTERED, UPDATED -> {
                ResidentState state = event.dataAs(ResidentState.class);
                if (state.residentId() == null || state.communityId() == null) {
                    throw new IllegalArgumentException("resident event without residentId or communityId");
                }
                String status = "MOVED_OUT".equals(state.status()) ? "MOVED_OUT" : "ACTIVE";
                if (residents.upsert(
                        state.residentId(),
                        state.communityId(),
                        state.householdId(),
                        state.displayName(),
                        status,
                        time)) {
                    moveOut(state.residentId());
                }
            }
            case MOVED_OUT -> {
                MovedOut moved = event.dataAs(MovedOut.class);
                if (residents.upsert(
                        moved.residentId(), moved.communityId(), moved.householdId(), null, "MOVED_OUT", time)) {
                    moveOut(moved.residentId());
                }
            }
            case HOUSEHOLD_REGISTERED -> {
                HouseholdRegistered household = event.dataAs(HouseholdRegistered.class);
                em.createNativeQuery("""
                                insert into household_projection (household_id, community_id, compound_id) values (?1, ?2, ?3)
                                on conflict (household_id) do update set community_id = excluded.community_id, compound_id = excluded.compound_id""")
                        .setParameter(1, household.householdId())
                        .setParameter(2, household.communityId())
                        .setParameter(3, household.compoundId())
                        .executeUpdate();
            }
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    /** Claims end first (observer priority), then waitlist places: a freed plot must not go to this resident. */
    private void moveOut(UUID residentId) {
        movedOut.fire(new ResidentMovedOut(residentId, Instant.now()));
    }
}
