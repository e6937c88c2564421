package cn.bailian.fund.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "resident_id")
    public UUID residentId;
    public String reason;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Version
    public long version;
}
