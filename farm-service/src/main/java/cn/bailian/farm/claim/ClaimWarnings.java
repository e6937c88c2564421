package cn.bailian.farm.claim;

import java.util.Optional;
import java.util.UUID;

/**
 * What the care rules say about a claim, for renewal and revocation. The care feature depends on claims and
 * implements this, so claims ask without importing care (no package cycle).
 */
public interface ClaimWarnings {

    /** An OPEN or FAILED warning stands against the claim: it may not be renewed. */
    boolean underWarning(UUID claimId);

    /** The warning whose re-inspection failed, the only ground for revocation. */
    Optional<UUID> failedWarning(UUID claimId);
}
