package cn.bailian.farm.care;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A non-cultivation notice. OPEN until the re-inspection: RESOLVED if the plot is looked after again,
 * FAILED on a second failure, which is what allows staff to revoke the claim.
 */
@Entity
public class CareWarning extends PanacheEntityBase {
    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";
    public static final String FAILED = "FAILED";
    public static final String POOR_INSPECTION = "POOR_INSPECTION";
    public static final String NO_JOURNAL = "NO_JOURNAL";

    @Id
    public UUID id;
    public UUID claimId;
    public UUID plotId;
    public UUID communityId;
    public UUID residentId;
    public String reason;
    public UUID inspectionId;
    public String status;
    public LocalDate reinspectOn;
    public OffsetDateTime issuedAt;
    public OffsetDateTime closedAt;
}
