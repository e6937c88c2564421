package cn.bailian.fund.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "project_review")
public class ProjectReview extends PanacheEntityBase {

    /** The residents' council (居民议事会) first, then the community committee (社区两委). */
    public enum Step {
        COUNCIL,
        COMMITTEE
    }

    public enum Decision {
        APPROVE,
        REJECT
    }

    @Id
    public UUID id;

    public UUID projectId;

    @Enumerated(EnumType.STRING)
    public Step step;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String comment;
    public String reviewer;
    public Instant reviewedAt;
}
