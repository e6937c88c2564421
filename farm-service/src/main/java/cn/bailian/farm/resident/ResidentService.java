package cn.bailian.farm.resident;

import cn.bailian.farm.resident.ResidentApi.EligibilityView;
import cn.bailian.kit.pii.Masking;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Eligibility and display names, from the projection of resident-service's events only. */
@ApplicationScoped
public class ResidentService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    /** What farm-service knows of a resident: for the resident, staff of their community, ADMIN or SERVICE. */
    public EligibilityView eligibility(UUID residentId) {
        caller.requireAuthenticated();
        ResidentProjection resident = find(residentId);
        boolean allowed = caller.is(Roles.SERVICE)
                || caller.isAdmin()
                || caller.isResident(residentId)
                || (resident != null && caller.isStaffOf(resident.communityId));
        if (!allowed) {
            throw ProblemException.forbidden();
        }
        if (resident == null) {
            throw ProblemException.notFound("RESIDENT_UNKNOWN", residentId);
        }
        return new EligibilityView(
                resident.residentId,
                resident.communityId,
                resident.householdId,
                resident.status,
                isEligible(resident, resident.communityId));
    }

    /**
     * A resident's own business (their claims, offers, waitlist entries) is for themselves, staff of their community
     * and ADMIN; 403 otherwise.
     */
    public void requireSelfOrStaffOfResident(UUID residentId) {
        caller.requireAuthenticated();
        ResidentProjection resident = find(residentId);
        if (!caller.isResident(residentId)
                && !caller.isAdmin()
                && !(resident != null && caller.isStaffOf(resident.communityId))) {
            throw ProblemException.forbidden();
        }
    }

    public ResidentProjection find(UUID residentId) {
        return residentId == null ? null : ResidentProjection.findById(residentId);
    }

    /** An ACTIVE resident of this community with a household, or 422 RESIDENT_NOT_ELIGIBLE. */
    public ResidentProjection requireEligible(UUID residentId, UUID communityId) {
        ResidentProjection resident = find(residentId);
        if (!isEligible(resident, communityId)) {
            throw ProblemException.unprocessable("RESIDENT_NOT_ELIGIBLE", residentId);
        }
        return resident;
    }

    public static boolean isEligible(ResidentProjection resident, UUID communityId) {
        return resident != null
                && resident.active()
                && resident.householdId != null
                && resident.communityId.equals(communityId);
    }

    /** Masked names of these residents (the projection holds masked names already; masking again is harmless). */
    public Map<UUID, String> maskedNames(Collection<UUID> residentIds) {
        Map<UUID, String> names = new HashMap<>();
        if (residentIds.isEmpty()) {
            return names;
        }
        List<ResidentProjection> rows = ResidentProjection.list("residentId in ?1", List.copyOf(residentIds));
        for (ResidentProjection row : rows) {
            names.put(row.residentId, Masking.name(row.displayName));
        }
        return names;
    }

    public String maskedName(UUID residentId) {
        ResidentProjection resident = find(residentId);
        return Masking.name(resident == null ? null : resident.displayName);
    }

    /**
     * Applies a resident's state if it is not older than what we hold. Returns true if the resident is now
     * MOVED_OUT having been something else (or unknown) before, so the caller can end their farm business.
     */
    public boolean upsert(
            UUID residentId,
            UUID communityId,
            UUID householdId,
            String displayName,
            String status,
            OffsetDateTime eventTime) {
        // row lock: two events of one resident must not interleave their read-compare-write
        ResidentProjection current =
                em.find(ResidentProjection.class, residentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (current == null) {
            current = new ResidentProjection();
            current.residentId = residentId;
            apply(current, communityId, householdId, displayName, status, eventTime);
            em.persist(current);
            return "MOVED_OUT".equals(status);
        }
        if (current.eventTime.isAfter(eventTime)) {
            return false;
        }
        boolean wasActive = current.active();
        apply(current, communityId, householdId, displayName, status, eventTime);
        return wasActive && "MOVED_OUT".equals(status);
    }

    private static void apply(
            ResidentProjection row,
            UUID communityId,
            UUID householdId,
            String displayName,
            String status,
            OffsetDateTime eventTime) {
        if (communityId != null) {
            row.communityId = communityId;
        }
        if (householdId != null) {
            row.householdId = householdId;
        }
        if (displayName != null) {
            row.displayName = Masking.name(displayName);
        }
        row.status = status;
        row.eventTime = eventTime;
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
