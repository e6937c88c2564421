package cn.bailian.resident.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "guardian_link")
@IdClass(GuardianLink.Key.class)
public class GuardianLink extends PanacheEntityBase {
    @Id
    public UUID childId;

    @Id
    public UUID guardianId;

    public UUID communityId;

    @Enumerated(EnumType.STRING)
    public GuardianRelation relation;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static class Key implements Serializable {
        public UUID childId;
        public UUID guardianId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && java.util.Objects.equals(childId, k.childId)
                    && java.util.Objects.equals(guardianId, k.guardianId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(childId, guardianId);
        }
    }
}
