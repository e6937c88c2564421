package cn.bailian.fund.project;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A livelihood project (民生项目): proposed, reviewed, publicly noticed, approved, funded, completed. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    public enum Type {
        CHARITY,
        PUBLIC_WELFARE,
        SELF_GOVERNANCE,
        MUTUAL_AID
    }

    public enum ProposerKind {
        RESIDENT,
        ORGANIZATION,
        COMMUNITY
    }

    public enum Status {
        PROPOSED,
        COUNCIL_APPROVED,
        NOTICE,
        APPROVED,
        REJECTED,
        COMPLETED
    }

    @Id
    public UUID id;

    public UUID fundId;
    public UUID communityId;
    public String title;
    public String description;

    @Enumerated(EnumType.STRING)
    public Type type;

    public long budgetFen;

    @Enumerated(EnumType.STRING)
    public ProposerKind proposerKind;

    public UUID proposerId;
    public String proposerName;
    public UUID activityId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant noticeStartsAt;
    public Instant noticeEndsAt;
    public Instant approvedAt;
    public Instant completedAt;
    public String completionReport;
    public long earmarkedFen;
    public long disbursedFen;
    public Instant createdAt;
    public String createdBy;

    @Version
    public long version;

    public long remainingBudgetFen() {
        return budgetFen - disbursedFen;
    }

    // The project's state machine: PROPOSED → COUNCIL_APPROVED → NOTICE → APPROVED → COMPLETED, REJECTED from
    // either review or by an upheld objection during the notice. Every transition checks the state it starts from.

    /** A new project enters the review: PROPOSED. */
    public void submit(Instant now) {
        if (status != null) {
            throw new IllegalStateException("project " + id + " was submitted already (" + status + ")");
        }
        status = Status.PROPOSED;
        createdAt = now;
    }

    /** The residents' council (居民议事会) approves a proposed project: the committee reviews it next. */
    public void councilApproves() {
        requireReviewable(ProjectReview.Step.COUNCIL);
        status = Status.COUNCIL_APPROVED;
    }

    /** The community committee (社区两委) approves after the council: the public notice opens. */
    public void committeeApproves(Instant now, Duration noticePeriod) {
        requireReviewable(ProjectReview.Step.COMMITTEE);
        openNotice(now, noticePeriod);
    }

    /** A review at {@code step} rejects the project; the step must be the one due. */
    public void rejectInReview(ProjectReview.Step step) {
        requireReviewable(step);
        status = Status.REJECTED;
    }

    /** The step due now: COUNCIL for a proposed project, COMMITTEE after the council's approval. */
    public void requireReviewable(ProjectReview.Step step) {
        Status expected = step == ProjectReview.Step.COUNCIL ? Status.PROPOSED : Status.COUNCIL_APPROVED;
        if (status != expected) {
            throw ProblemException.conflict("REVIEW_OUT_OF_ORDER", step, status);
        }
    }

    /** Residents may object while the notice runs: from its start until, not including, its end. */
    public void requireOpenForObjections(Instant now) {
        if (status != Status.NOTICE || !now.isBefore(noticeEndsAt)) {
            throw ProblemException.conflict("NOTICE_NOT_OPEN", title);
        }
    }

    /** An upheld objection rejects a project still in its notice; one decided later changes nothing. */
    public void objectionUpheld() {
        if (status == Status.NOTICE) {
            status = Status.REJECTED;
        }
    }

    /** Whether the notice period is over by {@code now} (the objections are the service's to count). */
    public boolean noticeEndedBy(Instant now) {
        return status == Status.NOTICE && !noticeEndsAt.isAfter(now);
    }

    /** The notice ended without a pending or upheld objection: the project is approved and may be funded. */
    public void approveAfterNotice(Instant now) {
        if (!noticeEndedBy(now)) {
            throw ProblemException.conflict("NOTICE_NOT_ENDED", title, status);
        }
        status = Status.APPROVED;
        approvedAt = now;
    }

    /** Milestones, grants and completion need an approved project. */
    public void requireApproved() {
        if (status != Status.APPROVED) {
            throw ProblemException.conflict("PROJECT_NOT_APPROVED", title, status);
        }
    }

    /** Donations may be earmarked for a project until it is rejected or completed. */
    public void requireOpenForDonations() {
        if (status == Status.REJECTED || status == Status.COMPLETED) {
            throw ProblemException.conflict("PROJECT_CLOSED", title, status);
        }
    }

    /** An approved project is completed with its report. */
    public void complete(Instant now, String report) {
        requireApproved();
        status = Status.COMPLETED;
        completedAt = now;
        completionReport = report;
    }

    private void openNotice(Instant now, Duration noticePeriod) {
        status = Status.NOTICE;
        noticeStartsAt = now;
        noticeEndsAt = now.plus(noticePeriod);
    }
}
