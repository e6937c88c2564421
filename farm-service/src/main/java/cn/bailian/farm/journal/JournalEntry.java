package cn.bailian.farm.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One farmOS-style log of what the claimant did on their plot. */
@Entity
public class JournalEntry extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID plotId;
    public UUID farmId;
    public UUID communityId;
    public UUID claimId;
    public UUID residentId;

    @Enumerated(EnumType.STRING)
    public JournalKind kind;

    public String crop;
    public Integer quantityGrams;
    public String note;
    public String photoUrl;
    public OffsetDateTime recordedAt;
}
