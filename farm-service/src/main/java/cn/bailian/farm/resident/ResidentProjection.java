package cn.bailian.farm.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A resident as farm-service knows them from resident events. */
@Entity
public class ResidentProjection extends PanacheEntityBase {
    @Id
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
