package cn.bailian.fund.project;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A resident's objection raised during the public notice period (公示期异议). */
@Entity
@Table(name = "project_objection")
public class ProjectObjection extends PanacheEntityBase {

    public enum Status {
        PENDING,
        UPHELD,
        DISMISSED
    }

    @Id
    public UUID id;

    public UUID projectId;
    public UUID residentId;
    public String reason;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant raisedAt;
    public String decidedBy;
    public Instant decidedAt;
    public String decisionNote;

    @Version
    public long version;

    /** Staff decide a pending objection once: upheld (the project in notice is rejected) or dismissed. */
    public void decide(boolean upheld, String by, Instant at, String note) {
        if (status != Status.PENDING) {
            throw ProblemException.conflict("OBJECTION_DECIDED", status);
        }
        status = upheld ? Status.UPHELD : Status.DISMISSED;
        decidedBy = by;
        decidedAt = at;
        decisionNote = note;
    }
}
