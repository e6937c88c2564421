package cn.bailian.resident.household;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.util.UUID;

@Entity
public class Household extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID communityId;
    public UUID compoundId;
    public String building;
    public String unit;
    public String room;

    @Version
    public long version;

    /** Whether another household of the compound already has this building, unit and room. */
    public static boolean addressTaken(UUID compoundId, String building, String unit, String room, UUID except) {
        return count(
                        "compoundId = ?1 and building = ?2 and unit = ?3 and room = ?4 and id <> ?5",
                        compoundId,
                        building,
                        unit,
                        room,
                        except == null ? new UUID(0, 0) : except)
                > 0;
    }
}
