package cn.bailian.resident.resident;

import java.time.LocalDate;
import java.util.UUID;

/** The data of the events this feature publishes on bailian.resident.events (see docs/events/resident-service.md). */
public final class ResidentEvents {

    public static final String REGISTERED = "cn.bailian.resident.registered.v1";
    public static final String UPDATED = "cn.bailian.resident.updated.v1";
    public static final String MOVED_OUT = "cn.bailian.resident.moved-out.v1";
    public static final String GUARDIAN_LINKED = "cn.bailian.resident.guardian.linked.v1";

    private ResidentEvents() {
    }

    /** registered.v1 and updated.v1: the full current state, with a masked name and no phone or ID number. */
    public record ResidentState(UUID residentId, UUID communityId, UUID householdId, UUID compoundId, String displayName,
                                Gender gender, LocalDate birthDate, ResidencyType residencyType, ResidentStatus status,
                                LocalDate movedOutOn) {
    }

    public record ResidentMovedOut(UUID residentId, UUID communityId, UUID householdId, LocalDate movedOutOn) {
    }

    public record GuardianLinked(UUID childId, UUID guardianId, GuardianRelation relation, UUID communityId) {
    }
}
