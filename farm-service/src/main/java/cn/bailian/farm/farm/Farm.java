package cn.bailian.farm.farm;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
public class Farm extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID communityId;
    public String name;
    public String location;
    public OffsetDateTime createdAt;

    @Version
    public long version;

    public static Farm require(UUID id) {
        Farm farm = findById(id);
        if (farm == null) {
            throw ProblemException.notFound("FARM_NOT_FOUND", id);
        }
        return farm;
    }

    /** Serialises the farm's waitlist: joins, reorders, offers and draws take this lock first. */
    public static Farm lock(UUID id) {
        Farm farm = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (farm == null) {
            throw ProblemException.notFound("FARM_NOT_FOUND", id);
        }
        return farm;
    }
}
