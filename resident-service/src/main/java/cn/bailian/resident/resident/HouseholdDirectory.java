package cn.bailian.resident.resident;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a household lies, as the register of residents needs it. Implemented by the household feature: household
 * imports resident (its members' views, the event catalogue), so resident asks through this interface instead of
 * importing household back (no package cycle).
 */
public interface HouseholdDirectory {

    record Place(UUID householdId, UUID communityId, UUID compoundId) {}

    Optional<Place> place(UUID householdId);
}
