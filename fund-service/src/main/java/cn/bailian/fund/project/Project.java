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

/** A livelihood project (民生项目): proposed, reviewed, publicly noticed, approved, funded, completed. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    public enum Type { CHARITY, PUBLIC_WELFARE, SELF_GOVERNANCE, MUTUAL_AID }

    public enum ProposerKind { RESIDENT, ORGANIZATION, COMMUNITY }

    public enum Status { PROPOSED, COUNCIL_APPROVED, NOTICE, APPROVED, REJECTED, COMPLETED }

    @Id
    public UUID id;
    @Column(name = "fund_id")
    public UUID fundId;
    @Column(name = "community_id")
    public UUID communityId;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public Type type;
    @Column(name = "budget_fen")
    public long budgetFen;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposer_kind")
    public ProposerKind proposerKind;
    @Column(name = "proposer_id")
    public UUID proposerId;
    @Column(name = "proposer_name")
    public String proposerName;
    @Column(name = "activity_id")
    public UUID activityId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "notice_starts_at")
    public Instant noticeStartsAt;
    @Column(name = "notice_ends_at")
    public Instant noticeEndsAt;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completion_report")
    public String completionReport;
    @Column(name = "earmarked_fen")
    public long earmarkedFen;
    @Column(name = "disbursed_fen")
    public long disbursedFen;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;

    public long remainingBudgetFen() {
        return budgetFen - disbursedFen;
    }
}
