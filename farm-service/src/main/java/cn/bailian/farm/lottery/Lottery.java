package cn.bailian.farm.lottery;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A recorded draw: seed, inputs and result, kept so the draw can be re-run by anyone. */
@Entity
public class Lottery extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID farmId;
    public UUID communityId;
    public long seed;
    public String inputHash;
    public String inputs;
    public String plotIds;
    public String winners;
    public String drawnBy;
    public OffsetDateTime drawnAt;

    public static Lottery require(UUID id) {
        Lottery lottery = findById(id);
        if (lottery == null) {
            throw ProblemException.notFound("LOTTERY_NOT_FOUND", id);
        }
        return lottery;
    }
}
