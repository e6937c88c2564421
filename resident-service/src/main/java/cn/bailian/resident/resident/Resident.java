package cn.bailian.resident.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "household_id")
    public UUID householdId;
    /** Always the household's compound: set with householdId, and the database's trigger resident_compound insists. */
    @Column(name = "compound_id")
    public UUID compoundId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Column(name = "phone_cipher")
    public String phoneCipher;
    @Column(name = "phone_hash")
    public String phoneHash;
    @Column(name = "phone_last4")
    public String phoneLast4;
    @Column(name = "id_number_cipher")
    public String idNumberCipher;
    @Column(name = "id_number_hash")
    public String idNumberHash;
    @Enumerated(EnumType.STRING)
    @Column(name = "residency_type")
    public ResidencyType residencyType;
    @Enumerated(EnumType.STRING)
    @Column(name = "relation_to_head")
    public RelationToHead relationToHead;
    @Enumerated(EnumType.STRING)
    public ResidentStatus status;
    @Column(name = "moved_out_on")
    public LocalDate movedOutOn;
    @Column(name = "move_out_destination")
    public String moveOutDestination;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    /** Fields and their values never appear in logs: no toString of the PII columns. */
    @Override
    public String toString() {
        return "Resident[" + id + "]";
    }
}
