package cn.bailian.resident.community;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
public class Community extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;
    public String district;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    /** The community, or 404 COMMUNITY_NOT_FOUND: every feature that reads below a community asks here. */
    public static Community require(UUID id) {
        Community community = findById(id);
        if (community == null) {
            throw ProblemException.notFound("COMMUNITY_NOT_FOUND", id);
        }
        return community;
    }

    /** Whether the community exists; a request body naming a missing one is refused with 422, not 404. */
    public static boolean exists(UUID id) {
        return findById(id) != null;
    }
}
