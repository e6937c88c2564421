package cn.bailian.resident.resident;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The one catalogue of the events resident-service publishes on bailian.resident.events (docs/events/resident-service.md,
 * asyncapi/asyncapi.yaml): their types and data. These records are the contract: fields are only ever added.
 * It depends on no other feature of the service, so every feature that publishes may use it.
 */
public final class ResidentEvents {

    public static final String REGISTERED = "cn.bailian.resident.registered.v1";
    public static final String UPDATED = "cn.bailian.resident.updated.v1";
    public static final String MOVED_OUT = "cn.bailian.resident.moved-out.v1";
    public static final String GUARDIAN_LINKED = "cn.bailian.resident.guardian.linked.v1";
    public static final String HOUSEHOLD_REGISTERED = "cn.bailian.resident.household.registered.v1";
    public static final String ORGANIZATION_REGISTERED = "cn.bailian.resident.organization.registered.v1";

    private ResidentEvents() {}

    /** registered.v1 and updated.v1: the full current state, with a masked name and no phone or ID number. */
    public record ResidentState(
            UUID residentId,
            UUID communityId,
            UUID householdId,
            UUID compoundId,
            String displayName,
            Gender gender,
            LocalDate birthDate,
            ResidencyType residencyType,
            ResidentStatus status,
            LocalDate movedOutOn) {}

    public record ResidentMovedOut(UUID residentId, UUID communityId, UUID householdId, LocalDate movedOutOn) {}

    public record GuardianLinked(UUID childId, UUID guardianId, GuardianRelation relation, UUID communityId) {}

    public record HouseholdRegistered(UUID householdId, UUID communityId, UUID compoundId) {}

    /** kind is the OrganizationKind's name: the catalogue imports no other feature (organization imports it). */
    public record OrganizationRegistered(UUID organizationId, UUID communityId, String name, String kind) {}
}
