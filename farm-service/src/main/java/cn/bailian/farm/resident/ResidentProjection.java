package cn.bailian.farm.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A resident as farm-service knows them from resident events. */
@Entity
@Table(name = "resident_projection")
public class ResidentProjection extends PanacheEntityBase {
    @Id
    @Column(name = "resident_id")
    public UUID residentId;
    public UUID communityId;
    public UUID householdId;
    public String displayName;
    public String status;
    public OffsetDateTime eventTime;
    public OffsetDateTime updatedAt;

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
