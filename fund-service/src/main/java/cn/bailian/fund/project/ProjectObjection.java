package cn.bailian.fund.project;

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

    public enum Status { PENDING, UPHELD, DISMISSED }

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
}
