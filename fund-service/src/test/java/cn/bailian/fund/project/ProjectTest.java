package cn.bailian.fund.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The project's state machine alone: each transition, and each refused one. Plain JUnit, no Quarkus. */
class ProjectTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    private static final Duration NOTICE = Duration.ofDays(7);

    private static Project in(Project.Status status) {
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.title = "楼道照明";
        p.status = status;
        if (status == Project.Status.NOTICE) {
            p.noticeStartsAt = T0;
            p.noticeEndsAt = T0.plus(NOTICE);
        }
        return p;
    }

    private static void refused(Runnable transition, String code, Project p, Project.Status unchanged) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(409);
        });
        assertThat(p.status).isEqualTo(unchanged);
    }

    @Test
    void submitMakesANewProjectProposed() {
        Project p = in(null);
        p.submit(T0);
        assertThat(p.status).isEqualTo(Project.Status.PROPOSED);
        assertThat(p.createdAt).isEqualTo(T0);
    }

    @Test
    void submitIsRefusedTwice() {
        Project p = in(Project.Status.PROPOSED);
        assertThatThrownBy(() -> p.submit(T0)).isInstanceOf(IllegalStateException.class);
        assertThat(p.status).isEqualTo(Project.Status.PROPOSED);
    }

    @Test
    void councilApprovesAProposedProject() {
        Project p = in(Project.Status.PROPOSED);
        p.councilApproves();
        assertThat(p.status).isEqualTo(Project.Status.COUNCIL_APPROVED);
    }

    @Test
    void councilApprovalIsRefusedOutOfOrder() {
        for (Project.Status s : new Project.Status[] {
            Project.Status.COUNCIL_APPROVED,
            Project.Status.NOTICE,
            Project.Status.APPROVED,
            Project.Status.REJECTED,
            Project.Status.COMPLETED
        }) {
            Project p = in(s);
            refused(p::councilApproves, "REVIEW_OUT_OF_ORDER", p, s);
        }
    }

    @Test
    void committeeApprovalOpensTheNotice() {
        Project p = in(Project.Status.COUNCIL_APPROVED);
        p.committeeApproves(T0, NOTICE);
        assertThat(p.status).isEqualTo(Project.Status.NOTICE);
        assertThat(p.noticeStartsAt).isEqualTo(T0);
        assertThat(p.noticeEndsAt).isEqualTo(T0.plus(NOTICE));
    }

    @Test
    void committeeApprovalIsRefusedBeforeTheCouncil() {
        Project p = in(Project.Status.PROPOSED);
        refused(() -> p.committeeApproves(T0, NOTICE), "REVIEW_OUT_OF_ORDER", p, Project.Status.PROPOSED);
        assertThat(p.noticeStartsAt).isNull();
    }

    @Test
    void eitherReviewMayReject() {
        Project proposed = in(Project.Status.PROPOSED);
        proposed.rejectInReview(ProjectReview.Step.COUNCIL);
        assertThat(proposed.status).isEqualTo(Project.Status.REJECTED);
        Project councilApproved = in(Project.Status.COUNCIL_APPROVED);
        councilApproved.rejectInReview(ProjectReview.Step.COMMITTEE);
        assertThat(councilApproved.status).isEqualTo(Project.Status.REJECTED);
    }

    @Test
    void rejectionIsRefusedAtTheWrongStep() {
        Project proposed = in(Project.Status.PROPOSED);
        refused(
                () -> proposed.rejectInReview(ProjectReview.Step.COMMITTEE),
                "REVIEW_OUT_OF_ORDER",
                proposed,
                Project.Status.PROPOSED);
        Project approved = in(Project.Status.APPROVED);
        refused(
                () -> approved.rejectInReview(ProjectReview.Step.COUNCIL),
                "REVIEW_OUT_OF_ORDER",
                approved,
                Project.Status.APPROVED);
    }

    @Test
    void objectionsAreOpenUntilTheNoticeEnds() {
        Project p = in(Project.Status.NOTICE);
        p.requireOpenForObjections(T0);
        p.requireOpenForObjections(p.noticeEndsAt.minusMillis(1));
        refused(() -> p.requireOpenForObjections(p.noticeEndsAt), "NOTICE_NOT_OPEN", p, Project.Status.NOTICE);
        Project approved = in(Project.Status.APPROVED);
        refused(() -> approved.requireOpenForObjections(T0), "NOTICE_NOT_OPEN", approved, Project.Status.APPROVED);
    }

    @Test
    void anUpheldObjectionRejectsAProjectInNotice() {
        Project p = in(Project.Status.NOTICE);
        p.objectionUpheld();
        assertThat(p.status).isEqualTo(Project.Status.REJECTED);
    }

    @Test
    void anObjectionUpheldAfterTheNoticeChangesNothing() {
        Project p = in(Project.Status.APPROVED);
        p.objectionUpheld();
        assertThat(p.status).isEqualTo(Project.Status.APPROVED);
    }

    @Test
    void approveAfterNoticeOnceThePeriodIsOver() {
        Project p = in(Project.Status.NOTICE);
        Instant end = p.noticeEndsAt;
        p.approveAfterNotice(end);
        assertThat(p.status).isEqualTo(Project.Status.APPROVED);
        assertThat(p.approvedAt).isEqualTo(end);
    }

    @Test
    void approveAfterNoticeIsRefusedWhileTheNoticeRuns() {
        Project p = in(Project.Status.NOTICE);
        refused(
                () -> p.approveAfterNotice(p.noticeEndsAt.minusSeconds(1)),
                "NOTICE_NOT_ENDED",
                p,
                Project.Status.NOTICE);
        assertThat(p.approvedAt).isNull();
    }

    @Test
    void approveAfterNoticeIsRefusedOutsideTheNotice() {
        Project p = in(Project.Status.COUNCIL_APPROVED);
        refused(
                () -> p.approveAfterNotice(T0.plus(Duration.ofDays(30))),
                "NOTICE_NOT_ENDED",
                p,
                Project.Status.COUNCIL_APPROVED);
    }

    @Test
    void completeAnApprovedProject() {
        Project p = in(Project.Status.APPROVED);
        p.complete(T0, "灯已装好");
        assertThat(p.status).isEqualTo(Project.Status.COMPLETED);
        assertThat(p.completedAt).isEqualTo(T0);
        assertThat(p.completionReport).isEqualTo("灯已装好");
    }

    @Test
    void completionIsRefusedUnlessApproved() {
        Project p = in(Project.Status.NOTICE);
        refused(() -> p.complete(T0, "report"), "PROJECT_NOT_APPROVED", p, Project.Status.NOTICE);
        assertThat(p.completionReport).isNull();
    }

    @Test
    void milestonesAndGrantsNeedAnApprovedProject() {
        in(Project.Status.APPROVED).requireApproved();
        Project completed = in(Project.Status.COMPLETED);
        refused(completed::requireApproved, "PROJECT_NOT_APPROVED", completed, Project.Status.COMPLETED);
    }

    @Test
    void donationsAreRefusedForClosedProjects() {
        in(Project.Status.NOTICE).requireOpenForDonations();
        Project rejected = in(Project.Status.REJECTED);
        refused(rejected::requireOpenForDonations, "PROJECT_CLOSED", rejected, Project.Status.REJECTED);
        Project completed = in(Project.Status.COMPLETED);
        refused(completed::requireOpenForDonations, "PROJECT_CLOSED", completed, Project.Status.COMPLETED);
    }
}
