package cn.bailian.fund.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "project_milestone")
public class ProjectMilestone extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID projectId;
    public String title;
    public String description;
    public LocalDate dueOn;
    public int progressPercent;
    public String note;
    public Instant createdAt;
    public Instant updatedAt;
    public String updatedBy;

    @Version
    public long version;
}
