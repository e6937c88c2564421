package cn.bailian.farm.care;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
public class Inspection extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID plotId;
    public UUID claimId;
    public UUID communityId;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    public String note;
    public String photoUrl;
    public String inspector;
    public OffsetDateTime inspectedAt;

    public enum Grade {
        GOOD,
        FAIR,
        POOR
    }
}
