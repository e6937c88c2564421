package cn.bailian.farm.claim;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 认领: a household's hold on one plot for a term. */
@Entity
public class Claim extends PanacheEntityBase {
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    @Id
    public UUID id;
    public UUID plotId;
    public UUID farmId;
    public UUID communityId;
    public UUID residentId;
    public UUID householdId;
    public String status;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public String endReason;
    public String endNote;
    public UUID revokedWarningId;
    public OffsetDateTime endedAt;
    public UUID offerId;
    public OffsetDateTime lastJournalAt;
    public OffsetDateTime createdAt;
    @Version
    public long version;

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public static Claim require(UUID id) {
        Claim claim = findById(id);
        if (claim == null) {
            throw ProblemException.notFound("CLAIM_NOT_FOUND", id);
        }
        return claim;
    }

    public static Claim lock(UUID id) {
        Claim claim = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (claim == null) {
            throw ProblemException.notFound("CLAIM_NOT_FOUND", id);
        }
        return claim;
    }

    public static Claim activeOnPlot(UUID plotId) {
        return find("plotId = ?1 and status = ?2", plotId, ACTIVE).firstResult();
    }
}
