package cn.bailian.fund.project;

import cn.bailian.fund.FundConfig;
import cn.bailian.fund.FundEvents;
import cn.bailian.fund.Locks;
import cn.bailian.fund.Money;
import cn.bailian.fund.fund.Fund;
import cn.bailian.fund.fund.FundService;
import cn.bailian.fund.resident.Directory;
import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.pii.Masking;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProjectService {

    @Inject
    FundService funds;

    @Inject
    Caller caller;

    @Inject
    Directory directory;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    FundConfig config;

    @Transactional
    public ProjectApi.ProjectView propose(UUID fundId, ProjectApi.CreateProject request) {
        Fund fund = funds.get(fundId);
        caller.requireAuthenticated();
        Project project = new Project();
        if (caller.isStaffOf(fund.communityId)) {
            Project.ProposerKind kind =
                    request.proposerKind() == null ? Project.ProposerKind.COMMUNITY : request.proposerKind();
            project.proposerKind = kind;
            project.proposerId = request.proposerId();
            project.proposerName = switch (kind) {
                case COMMUNITY -> "社区";
                case ORGANIZATION ->
                    directory
                            .organization(request.proposerId())
                            .filter(o -> o.communityId().equals(fund.communityId))
                            .map(Directory.KnownOrganization::name)
                            .orElseThrow(
                                    () -> ProblemException.unprocessable("PROPOSER_UNKNOWN", request.proposerId()));
                case RESIDENT ->
                    directory
                            .resident(request.proposerId())
                            .filter(r -> r.communityId().equals(fund.communityId) && r.active())
                            .map(Directory.KnownResident::displayName)
                            .orElseThrow(
                                    () -> ProblemException.unprocessable("PROPOSER_UNKNOWN", request.proposerId()));
            };
        } else if (caller.is(Roles.RESIDENT)) {
            UUID self = caller.residentId().orElseThrow(ProblemException::forbidden);
            if ((request.proposerKind() != null && request.proposerKind() != Project.ProposerKind.RESIDENT)
                    || (request.proposerId() != null && !request.proposerId().equals(self))) {
                throw ProblemException.forbidden();
            }
            project.proposerKind = Project.ProposerKind.RESIDENT;
            project.proposerId = self;
            project.proposerName = requireActiveResidentOf(fund.communityId, self);
        } else {
            throw ProblemException.forbidden();
        }
        if (project.proposerKind != Project.ProposerKind.COMMUNITY && project.proposerId == null) {
            throw ProblemException.invalidField(
                    "proposerId", "NotNull", "required for RESIDENT and ORGANIZATION proposers");
        }
        project.id = UUID.randomUUID();
        project.fundId = fund.id;
        project.communityId = fund.communityId;
        project.title = request.title().strip();
        project.description = request.description().strip();
        project.type = request.type();
        project.budgetFen = request.budgetFen();
        project.activityId = request.activityId();
        project.submit(Money.timestamp());
        project.createdBy = caller.subject();
        project.persist();
        outbox.publish(FundEvents.PROJECT_PROPOSED, project.id, ProjectApi.ProjectEvent.of(project));
        return view(project);
    }

    /**
     * A resident of the community who has not moved out: the projection decides when it knows the resident,
     * the token's community otherwise (a resident registered a moment ago may not have reached us yet).
     */
    private String requireActiveResidentOf(UUID communityId, UUID residentId) {
        var known = directory.resident(residentId);
        if (known.isPresent()) {
            if (!known.get().active()) {
                throw ProblemException.conflict("RESIDENT_NOT_ACTIVE", residentId);
            }
            if (!known.get().communityId().equals(communityId)) {
                throw ProblemException.forbidden();
            }
            return known.get().displayName();
        }
        if (!communityId.equals(caller.communityId().orElse(null))) {
            throw ProblemException.forbidden();
        }
        return Masking.name(caller.subject());
    }

    @Transactional
    public ProjectApi.ProjectView review(UUID projectId, ProjectApi.CreateReview request) {
        Project project = find(projectId);
        caller.requireStaffOf(project.communityId);
        project = Locks.forUpdate(em, Project.class, projectId);
        project.requireReviewable(request.step());
        if (request.decision() == ProjectReview.Decision.REJECT
                && (request.comment() == null || request.comment().isBlank())) {
            throw ProblemException.invalidField("comment", "NotBlank", "a rejection must give its reason");
        }
        Instant now = Money.timestamp();
        ProjectReview review = new ProjectReview();
        review.id = UUID.randomUUID();
        review.projectId = projectId;
        review.step = request.step();
        review.decision = request.decision();
        review.comment = request.comment() == null ? null : request.comment().strip();
        review.reviewer = caller.subject();
        review.reviewedAt = now;
        review.persist();
        if (request.decision() == ProjectReview.Decision.REJECT) {
            project.rejectInReview(request.step());
        } else if (request.step() == ProjectReview.Step.COUNCIL) {
            project.councilApproves();
        } else {
            project.committeeApproves(now, config.noticePeriod());
            em.flush();
            outbox.publish(FundEvents.PROJECT_NOTICE_STARTED, project.id, ProjectApi.ProjectEvent.of(project));
        }
        em.flush();
        return view(project);
    }

    @Transactional
    public ProjectApi.ObjectionView object(UUID projectId, ProjectApi.CreateObjection request) {
        Project project = find(projectId);
        caller.requireAuthenticated();
        if (!caller.is(Roles.RESIDENT)) {
            throw ProblemException.forbidden();
        }
        UUID self = caller.residentId().orElseThrow(ProblemException::forbidden);
        requireActiveResidentOf(project.communityId, self);
        project = Locks.forUpdate(em, Project.class, projectId);
        Instant now = Money.timestamp();
        project.requireOpenForObjections(now);
        if (ProjectObjection.count("projectId = ?1 and residentId = ?2", projectId, self) > 0) {
            throw ProblemException.conflict("OBJECTION_EXISTS", project.title);
        }
        ProjectObjection objection = new ProjectObjection();
        objection.id = UUID.randomUUID();
        objection.projectId = projectId;
        objection.residentId = self;
        objection.reason = request.reason().strip();
        objection.status = ProjectObjection.Status.PENDING;
        objection.raisedAt = now;
        objection.persist();
        return objectionView(objection);
    }

    @Transactional
    public ProjectApi.ObjectionView decideObjection(
            UUID projectId, UUID objectionId, ProjectApi.DecideObjection request) {
        Project project = find(projectId);
        caller.requireStaffOf(project.communityId);
        project = Locks.forUpdate(em, Project.class, projectId);
        ProjectObjection objection = ProjectObjection.findById(objectionId);
        if (objection == null || !objection.projectId.equals(projectId)) {
            throw ProblemException.notFound("OBJECTION_NOT_FOUND", objectionId);
        }
        objection.decide(
                request.decision() == ProjectApi.ObjectionVerdict.UPHOLD,
                caller.subject(),
                Money.timestamp(),
                request.note().strip());
        if (objection.status == ProjectObjection.Status.UPHELD) {
            project.objectionUpheld();
        }
        return objectionView(objection);
    }

    public List<ProjectApi.ObjectionView> objections(UUID projectId) {
        Project project = find(projectId);
        caller.requireStaffOf(project.communityId);
        return ProjectObjection.<ProjectObjection>find(
                        "projectId", Sort.by("raisedAt").and("id"), projectId)
                .list()
                .stream()
                .map(ProjectService::objectionView)
                .toList();
    }

    /** NOTICE projects whose period has ended by {@code now}: the ids the scheduler looks at. */
    public List<UUID> noticeDue(Instant now) {
        return em.createQuery(
                        "select p.id from Project p where p.status = ?1 and p.noticeEndsAt <= ?2 order by p.noticeEndsAt",
                        UUID.class)
                .setParameter(1, Project.Status.NOTICE)
                .setParameter(2, now)
                .getResultList();
    }

    /** Approves one project if its notice period ended by {@code now} with no pending or upheld objection. */
    @Transactional
    public boolean approveIfNoticeEnded(UUID projectId, Instant now) {
        Project project = Locks.forUpdate(em, Project.class, projectId);
        if (project == null || !project.noticeEndedBy(now)) {
            return false;
        }
        long open = ProjectObjection.count(
                "projectId = ?1 and status in ?2",
                projectId,
                List.of(ProjectObjection.Status.PENDING, ProjectObjection.Status.UPHELD));
        if (open > 0) {
            return false;
        }
        project.approveAfterNotice(now);
        em.flush();
        outbox.publish(FundEvents.PROJECT_APPROVED, project.id, ProjectApi.ProjectEvent.of(project));
        return true;
    }

    @Transactional
    public ProjectApi.ProjectView addMilestone(UUID projectId, ProjectApi.CreateMilestone request) {
        Project project = find(projectId);
        caller.requireStaffOf(project.communityId);
        project = Locks.forUpdate(em, Project.class, projectId);
        project.requireApproved();
        Instant now = Money.timestamp();
        ProjectMilestone milestone = new ProjectMilestone();
        milestone.id = UUID.randomUUID();
        milestone.projectId = projectId;
        milestone.title = request.title().strip();
        milestone.description = request.description();
        milestone.dueOn = request.dueOn();
        milestone.progressPercent = request.progressPercent();
        milestone.createdAt = now;
        milestone.updatedAt = now;
        milestone.updatedBy = caller.subject();
        milestone.persist();
        em.flush();
        return view(project);
    }

    @Transactional
    public ProjectApi.MilestoneView updateMilestone(
            UUID projectId, UUID milestoneId, String ifMatch, ProjectApi.UpdateMilestone request) {
        Project project = find(projectId);
        caller.requireStaffOf(project.communityId);
        ProjectMilestone milestone = ProjectMilestone.findById(milestoneId);
        if (milestone == null || !milestone.projectId.equals(projectId)) {
            throw ProblemException.notFound("MILESTONE_NOT_FOUND", milestoneId);
        }
        ETags.requireMatch(ifMatch, milestone.version);
        project.requireApproved();
        milestone.progressPercent = request.progressPercent();
        milestone.note = request.note();
        milestone.updatedAt = Money.timestamp();
        milestone.updatedBy = caller.subject();
        em.flush();
        return milestoneView(milestone);
    }

    @Transactional
    public ProjectApi.ProjectView complete(UUID projectId, ProjectApi.CompleteProject request) {
        Project project = find(projectId);
        caller.requireStaffOf(project.communityId);
        project = Locks.forUpdate(em, Project.class, projectId);
        project.complete(Money.timestamp(), request.report().strip());
        em.flush();
        outbox.publish(FundEvents.PROJECT_COMPLETED, project.id, ProjectApi.ProjectEvent.of(project));
        return view(project);
    }

    public ProjectApi.ProjectView get(UUID projectId) {
        return view(find(projectId));
    }

    public Page<ProjectApi.ProjectView> list(UUID fundId, Project.Status status, PageRequest page) {
        funds.get(fundId);
        var query = status == null
                ? Project.<Project>find(
                        "fundId", Sort.by("createdAt").descending().and("id"), fundId)
                : Project.<Project>find(
                        "fundId = ?1 and status = ?2",
                        Sort.by("createdAt").descending().and("id"),
                        fundId,
                        status);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(this::view)
                        .toList(),
                query.count());
    }

    public static Project find(UUID id) {
        Project project = Project.findById(id);
        if (project == null) {
            throw ProblemException.notFound("PROJECT_NOT_FOUND", id);
        }
        return project;
    }

    ProjectApi.ProjectView view(Project p) {
        List<ProjectApi.ReviewView> reviews =
                ProjectReview.<ProjectReview>find("projectId", Sort.by("reviewedAt"), p.id).list().stream()
                        .map(r -> new ProjectApi.ReviewView(
                                r.step, r.decision, r.comment, r.reviewer, Money.view(r.reviewedAt)))
                        .toList();
        List<ProjectApi.MilestoneView> milestones =
                ProjectMilestone.<ProjectMilestone>find(
                                "projectId", Sort.by("createdAt").and("id"), p.id)
                        .list()
                        .stream()
                        .map(ProjectService::milestoneView)
                        .toList();
        int progress = milestones.isEmpty()
                ? 0
                : (int) (milestones.stream()
                                .mapToLong(ProjectApi.MilestoneView::progressPercent)
                                .sum()
                        / milestones.size());
        var objections = new ProjectApi.ObjectionCounts(
                ProjectObjection.count("projectId = ?1 and status = ?2", p.id, ProjectObjection.Status.PENDING),
                ProjectObjection.count("projectId = ?1 and status = ?2", p.id, ProjectObjection.Status.UPHELD),
                ProjectObjection.count("projectId = ?1 and status = ?2", p.id, ProjectObjection.Status.DISMISSED));
        int earmarkedPercent = (int) Math.min(100, p.earmarkedFen * 100 / p.budgetFen);
        var funding = new ProjectApi.Funding(
                p.budgetFen, p.earmarkedFen, p.disbursedFen, p.remainingBudgetFen(), earmarkedPercent);
        String proposerName =
                p.proposerKind == Project.ProposerKind.RESIDENT ? Masking.name(p.proposerName) : p.proposerName;
        return new ProjectApi.ProjectView(
                p.id,
                p.fundId,
                p.communityId,
                p.title,
                p.description,
                p.type,
                new ProjectApi.Proposer(p.proposerKind, p.proposerId, proposerName),
                p.activityId,
                p.status,
                Money.view(p.noticeStartsAt),
                Money.view(p.noticeEndsAt),
                Money.view(p.approvedAt),
                Money.view(p.completedAt),
                p.completionReport,
                funding,
                progress,
                reviews,
                milestones,
                objections,
                Money.view(p.createdAt),
                p.version);
    }

    static ProjectApi.MilestoneView milestoneView(ProjectMilestone m) {
        return new ProjectApi.MilestoneView(
                m.id,
                m.title,
                m.description,
                m.dueOn,
                m.progressPercent,
                m.note,
                Money.view(m.updatedAt),
                m.updatedBy,
                m.version);
    }

    static ProjectApi.ObjectionView objectionView(ProjectObjection o) {
        return new ProjectApi.ObjectionView(
                o.id,
                o.projectId,
                o.residentId,
                o.reason,
                o.status,
                Money.view(o.raisedAt),
                o.decidedBy,
                Money.view(o.decidedAt),
                o.decisionNote);
    }
}
