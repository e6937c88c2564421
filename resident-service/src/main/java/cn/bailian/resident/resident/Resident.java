package cn.bailian.resident.resident;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person in the register. Phone and ID-card number exist here only encrypted and hashed. */
@Entity
public class Resident extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID communityId;
    public UUID householdId;
    /** Always the household's compound: set with householdId, and the database's trigger resident_compound insists. */
    public UUID compoundId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    public LocalDate birthDate;
    public String phoneCipher;
    public String phoneHash;
    public String phoneLast4;
    public String idNumberCipher;
    public String idNumberHash;

    @Enumerated(EnumType.STRING)
    public ResidencyType residencyType;

    @Enumerated(EnumType.STRING)
    public RelationToHead relationToHead;

    @Enumerated(EnumType.STRING)
    public ResidentStatus status;

    public LocalDate movedOutOn;
    public String moveOutDestination;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Whether the resident is in the register now (not moved out). */
    public boolean isActive() {
        return status == ResidentStatus.ACTIVE;
    }

    /** A change to the record, or a guardianship, needs an active resident: 409 RESIDENT_MOVED_OUT otherwise. */
    public void requireActive() {
        if (!isActive()) {
            throw ProblemException.conflict("RESIDENT_MOVED_OUT", id);
        }
    }

    /**
     * ACTIVE → MOVED_OUT on a date not before the birth date; the record stays, with the date and where they went
     * (blank is none). Only the transition: that the date is not in the future is the request's validation.
     */
    public void moveOut(LocalDate on, String destination, OffsetDateTime at) {
        requireActive();
        if (on.isBefore(birthDate)) {
            throw ProblemException.invalidField("date", "BeforeBirth", "must not be before the birth date");
        }
        status = ResidentStatus.MOVED_OUT;
        movedOutOn = on;
        moveOutDestination = destination == null || destination.isBlank() ? null : destination.strip();
        updatedAt = at;
    }

    /** Fields and their values never appear in logs: no toString of the PII columns. */
    @Override
    public String toString() {
        return "Resident[" + id + "]";
    }
}
