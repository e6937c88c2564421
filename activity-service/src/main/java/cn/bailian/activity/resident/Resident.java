package cn.bailian.activity.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.UUID;

/** What this service knows of a resident, from resident-service's events. Written only by {@link ResidentEventHandler}. */
@Entity
public class Resident extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String MOVED_OUT = "MOVED_OUT";

    @Id
    public UUID id;

    public UUID communityId;
    public UUID householdId;
    public String displayName;
    public LocalDate birthDate;
    public String status;
    public OffsetDateTime updatedAt;

    public boolean activeIn(UUID communityId) {
        return ACTIVE.equals(status) && communityId != null && communityId.equals(this.communityId);
    }

    /** Completed years on {@code day}; empty when the birth date is unknown. */
    public java.util.OptionalInt ageOn(LocalDate day) {
        return birthDate == null
                ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(Period.between(birthDate, day).getYears());
    }
}
