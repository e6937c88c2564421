package cn.bailian.resident.household;

import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.audit.AuditTrail;
import cn.bailian.resident.compound.Compound;
import cn.bailian.resident.household.HouseholdApi.CreateHousehold;
import cn.bailian.resident.household.HouseholdApi.HouseholdSummary;
import cn.bailian.resident.household.HouseholdApi.HouseholdView;
import cn.bailian.resident.household.HouseholdApi.UpdateHousehold;
import cn.bailian.resident.resident.HouseholdDirectory;
import cn.bailian.resident.resident.ResidentEvents;
import cn.bailian.resident.resident.ResidentEvents.HouseholdRegistered;
import cn.bailian.resident.resident.ResidentService;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registering, listing, reading and re-addressing households; where a household lies, for the resident register. */
@ApplicationScoped
public class HouseholdService implements HouseholdDirectory {

    static final String ADDRESS_UNIQUE = "household_address_unique";

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    ResidentService residents;

    /** STAFF of the compound's community or ADMIN; one household per compound, building, unit and room. */
    @Transactional
    public HouseholdView register(CreateHousehold request) {
        caller.requireAuthenticated();
        Compound compound = Compound.findById(request.compoundId());
        if (compound == null) {
            throw ProblemException.unprocessable("COMPOUND_NOT_FOUND", request.compoundId());
        }
        caller.requireStaffOf(compound.communityId);
        Household household = new Household();
        household.id = UUID.randomUUID();
        household.communityId = compound.communityId;
        household.compoundId = compound.id;
        household.building = request.building().strip();
        household.unit = request.unit().strip();
        household.room = request.room().strip();
        if (Household.addressTaken(household.compoundId, household.building, household.unit, household.room, null)) {
            throw ProblemException.conflict("HOUSEHOLD_ADDRESS_TAKEN");
        }
        household.persist();
        flush();
        audit.record(
                household.communityId,
                "HOUSEHOLD",
                household.id,
                "REGISTERED",
                List.of("compoundId", "building", "unit", "room"));
        outbox.publish(
                ResidentEvents.HOUSEHOLD_REGISTERED,
                household.id,
                new HouseholdRegistered(household.id, household.communityId, household.compoundId));
        // a new household has no members yet
        return new HouseholdView(
                household.id,
                household.communityId,
                household.compoundId,
                household.building,
                household.unit,
                household.room,
                null,
                List.of(),
                household.version);
    }

    /** STAFF of the community, ADMIN, or a resident of the household. */
    @Transactional
    public HouseholdView get(UUID id) {
        caller.requireAuthenticated();
        Household household = find(id);
        if (!caller.isStaffOf(household.communityId)
                && residents.callerHousehold().filter(id::equals).isEmpty()) {
            throw ProblemException.forbidden();
        }
        return view(household);
    }

    /** A compound's households in address order; STAFF of its community or ADMIN. */
    @Transactional
    public Page<HouseholdSummary> list(UUID compoundId, PageRequest page) {
        caller.requireAuthenticated();
        Compound compound = Compound.findById(compoundId);
        if (compound == null) {
            throw ProblemException.notFound("COMPOUND_NOT_FOUND", compoundId);
        }
        caller.requireStaffOf(compound.communityId);
        var query = Household.<Household>find(
                "compoundId", Sort.by("building").and("unit").and("room").and("id"), compoundId);
        List<HouseholdSummary> items = query.page(page.page(), page.size()).list().stream()
                .map(HouseholdService::summary)
                .toList();
        return page.page(items, query.count());
    }

    /**
     * A new building, unit and room within the household's compound; STAFF of its community or ADMIN, with If-Match.
     * The row is locked before the version is compared, so of two changes made from the same version the second waits
     * and gets 412 from the If-Match check (without the lock @Version would still refuse it at flush, which the kit
     * also answers 412 — the lock makes the answer come from one place, before any other work).
     */
    @Transactional
    public HouseholdView update(UUID id, String ifMatch, UpdateHousehold request) {
        caller.requireAuthenticated();
        Household household = Household.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (household == null) {
            throw ProblemException.notFound("HOUSEHOLD_NOT_FOUND", id);
        }
        caller.requireStaffOf(household.communityId);
        ETags.requireMatch(ifMatch, household.version);
        String building = request.building().strip();
        String unit = request.unit().strip();
        String room = request.room().strip();
        List<String> changed = new ArrayList<>();
        if (!building.equals(household.building)) {
            changed.add("building");
        }
        if (!unit.equals(household.unit)) {
            changed.add("unit");
        }
        if (!room.equals(household.room)) {
            changed.add("room");
        }
        if (changed.isEmpty()) {
            return view(household);
        }
        if (Household.addressTaken(household.compoundId, building, unit, room, household.id)) {
            throw ProblemException.conflict("HOUSEHOLD_ADDRESS_TAKEN");
        }
        household.building = building;
        household.unit = unit;
        household.room = room;
        flush();
        audit.record(household.communityId, "HOUSEHOLD", household.id, "UPDATED", changed);
        return view(household);
    }

    @Override
    public Optional<Place> place(UUID householdId) {
        return Household.<Household>findByIdOptional(householdId)
                .map(h -> new Place(h.id, h.communityId, h.compoundId));
    }

    private static Household find(UUID id) {
        Household household = Household.findById(id);
        if (household == null) {
            throw ProblemException.notFound("HOUSEHOLD_NOT_FOUND", id);
        }
        return household;
    }

    /** Flushes (bumping the version) and turns the address's unique index into its domain code. */
    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (ADDRESS_UNIQUE.equals(Constraints.violated(e))) {
                throw ProblemException.conflict("HOUSEHOLD_ADDRESS_TAKEN");
            }
            throw e;
        }
    }

    private HouseholdView view(Household household) {
        ResidentService.Members members = residents.membersOf(household.id);
        return new HouseholdView(
                household.id,
                household.communityId,
                household.compoundId,
                household.building,
                household.unit,
                household.room,
                members.headId(),
                members.members(),
                household.version);
    }

    static HouseholdSummary summary(Household household) {
        return new HouseholdSummary(
                household.id,
                household.communityId,
                household.compoundId,
                household.building,
                household.unit,
                household.room,
                household.version);
    }
}
