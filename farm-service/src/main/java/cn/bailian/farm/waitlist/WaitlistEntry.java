package cn.bailian.farm.waitlist;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A resident waiting for a plot on one farm. WAITING and OFFERED entries are "on the list". */
@Entity
public class WaitlistEntry extends PanacheEntityBase {
    public static final String WAITING = "WAITING";
    public static final String OFFERED = "OFFERED";
    public static final String CLAIMED = "CLAIMED";
    public static final String LEFT = "LEFT";
    public static final String REMOVED = "REMOVED";

    @Id
    public UUID id;
    public UUID farmId;
    public UUID communityId;
    public UUID residentId;
    public UUID householdId;
    public String status;
    public long sortKey;
    public OffsetDateTime joinedAt;
    public OffsetDateTime endedAt;
    public String endReason;
    @Version
    public long version;

    public boolean onList() {
        return WAITING.equals(status) || OFFERED.equals(status);
    }

    public static WaitlistEntry require(UUID id) {
        WaitlistEntry entry = findById(id);
        if (entry == null) {
            throw ProblemException.notFound("WAITLIST_ENTRY_NOT_FOUND", id);
        }
        return entry;
    }

    public static WaitlistEntry lock(UUID id) {
        WaitlistEntry entry = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw ProblemException.notFound("WAITLIST_ENTRY_NOT_FOUND", id);
        }
        return entry;
    }
}
