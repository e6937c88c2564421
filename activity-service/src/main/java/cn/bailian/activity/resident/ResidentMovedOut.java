package cn.bailian.activity.resident;

import java.util.UUID;

/**
 * A resident moved out, fired inside the transaction that applies resident-service's event: the features that
 * hold the resident's future places (enrollments, venue bookings) observe it and give them up in that transaction.
 */
public record ResidentMovedOut(UUID residentId) {}
