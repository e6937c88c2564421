package cn.bailian.farm.resident;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident farm-service knew as ACTIVE has moved out (learnt from resident-service's events). Fired synchronously
 * in the handler's transaction; the claim and waitlist features observe it and end the resident's business there,
 * so the resident feature imports neither.
 */
public record ResidentMovedOut(UUID residentId, Instant at) {}
