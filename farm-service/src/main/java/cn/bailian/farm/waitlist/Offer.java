package cn.bailian.farm.waitlist;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A freed plot held for one waitlisted resident until a deadline. */
@Entity
public class Offer extends PanacheEntityBase {
    public static final String PENDING = "PENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";
    public static final String LAPSED = "LAPSED";
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    public UUID id;
    public UUID plotId;
    public UUID farmId;
    public UUID communityId;
    public UUID waitlistEntryId;
    public UUID residentId;
    public UUID householdId;
    public UUID lotteryId;
    public String status;
    public OffsetDateTime expiresAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime decidedAt;
    @Version
    public long version;

    public static Offer require(UUID id) {
        Offer offer = findById(id);
        if (offer == null) {
            throw ProblemException.notFound("OFFER_NOT_FOUND", id);
        }
        return offer;
    }

    public static Offer lock(UUID id) {
        Offer offer = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (offer == null) {
            throw ProblemException.notFound("OFFER_NOT_FOUND", id);
        }
        return offer;
    }
}
