package cn.bailian.farm.waitlist;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A resident waiting for a plot on one farm. WAITING and OFFERED entries are "on the list". */
@Entity
public class WaitlistEntry extends PanacheEntityBase {

    public enum Status {
        WAITING,
        OFFERED,
        CLAIMED,
        LEFT,
        REMOVED;

        /** WAITING and OFFERED: still on the list, holding a position. */
        public static final List<Status> ON_LIST = List.of(WAITING, OFFERED);
    }

    /** Why an entry left the list; each reason decides the status it ends in. */
    public enum EndReason {
        /** The resident took the plot offered. */
        CLAIMED(Status.CLAIMED),
        /** The resident (or staff) took the entry off. */
        LEFT(Status.LEFT),
        DECLINED(Status.REMOVED),
        LAPSED(Status.REMOVED),
        NOT_ELIGIBLE(Status.REMOVED),
        MOVED_OUT(Status.REMOVED);

        final Status endsIn;

        EndReason(Status endsIn) {
            this.endsIn = endsIn;
        }
    }

    @Id
    public UUID id;

    public UUID farmId;
    public UUID communityId;
    public UUID residentId;
    public UUID householdId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public long sortKey;
    public OffsetDateTime joinedAt;
    public OffsetDateTime endedAt;

    @Enumerated(EnumType.STRING)
    public EndReason endReason;

    @Version
    public long version;

    public boolean onList() {
        return Status.ON_LIST.contains(status);
    }

    /** A plot is offered to this WAITING entry; it keeps its place until the offer is decided. */
    public void offered() {
        if (status != Status.WAITING) {
            throw new IllegalStateException("entry " + id + " is " + status + ", not WAITING");
        }
        status = Status.OFFERED;
    }

    /** Takes the entry off the list (409 WAITLIST_ENTRY_NOT_ACTIVE if it already left). */
    public void end(EndReason reason, Instant now) {
        if (!onList()) {
            throw ProblemException.conflict("WAITLIST_ENTRY_NOT_ACTIVE", id);
        }
        status = reason.endsIn;
        endReason = reason;
        endedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
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
