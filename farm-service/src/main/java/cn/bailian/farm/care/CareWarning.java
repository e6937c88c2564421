package cn.bailian.farm.care;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A non-cultivation notice. OPEN until the re-inspection: RESOLVED if the plot is looked after again,
 * FAILED on a second failure, which is what allows staff to revoke the claim. OPEN and FAILED are "live".
 */
@Entity
public class CareWarning extends PanacheEntityBase {

    public enum Status {
        OPEN,
        RESOLVED,
        FAILED;

        /** A live warning stands against its claim: at most one per claim (care_warning_one_live_per_claim). */
        static final List<Status> LIVE = List.of(OPEN, FAILED);
    }

    public enum Reason {
        POOR_INSPECTION,
        NO_JOURNAL
    }

    @Id
    public UUID id;

    public UUID claimId;
    public UUID plotId;
    public UUID communityId;
    public UUID residentId;

    @Enumerated(EnumType.STRING)
    public Reason reason;

    public UUID inspectionId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public LocalDate reinspectOn;
    public OffsetDateTime issuedAt;
    public OffsetDateTime closedAt;

    public boolean open() {
        return status == Status.OPEN;
    }

    /** The plot is looked after again. Only an OPEN warning closes; the care rules never try another. */
    public void resolve(Instant now) {
        close(Status.RESOLVED, now);
    }

    /** The re-inspection failed (or the journal stayed silent past it): staff may now revoke the claim. */
    public void fail(Instant now) {
        close(Status.FAILED, now);
    }

    /** A no-journal warning still open after its re-inspection date. */
    public boolean overdueNoJournal(LocalDate today) {
        return open() && reason == Reason.NO_JOURNAL && reinspectOn.isBefore(today);
    }

    private void close(Status to, Instant now) {
        if (!open()) {
            throw new IllegalStateException("warning " + id + " is " + status + ", not OPEN");
        }
        status = to;
        closedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** The claim's live (OPEN or FAILED) warning, if any. */
    public static CareWarning liveOf(UUID claimId) {
        return find("claimId = ?1 and status in ?2", claimId, Status.LIVE).firstResult();
    }
}
