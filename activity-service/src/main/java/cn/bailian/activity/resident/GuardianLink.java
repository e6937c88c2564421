package cn.bailian.activity.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import java.io.Serializable;
import java.util.UUID;

/** A guardian link between an adult and a child, from resident-service's guardian.linked events. */
@Entity
@IdClass(GuardianLink.Key.class)
public class GuardianLink extends PanacheEntityBase {

    @Id
    public UUID childId;

    @Id
    public UUID guardianId;

    public String relation;
    public UUID communityId;

    public static class Key implements Serializable {
        public UUID childId;
        public UUID guardianId;

        public Key() {}

        public Key(UUID childId, UUID guardianId) {
            this.childId = childId;
            this.guardianId = guardianId;
        }

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

    public static boolean exists(UUID childId, UUID guardianId) {
        return childId != null
                && guardianId != null
                && count("childId = ?1 and guardianId = ?2", childId, guardianId) > 0;
    }
}
