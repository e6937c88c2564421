package cn.bailian.fund.trace;

import cn.bailian.fund.Money;
import cn.bailian.fund.activity.AttendanceCounts;
import cn.bailian.fund.project.Project;
import cn.bailian.fund.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * A project's trace: where its money came from, where it went and what it bought, read from the fund's own rows
 * (donations, disbursements) and the attendance projection (ActivityEventHandler).
 */
@ApplicationScoped
public class TraceService {

    @Inject
    EntityManager em;

    @Inject
    AttendanceCounts attendance;

    @Transactional
    public TraceApi.ProjectTrace trace(UUID projectId) {
        Project project = ProjectService.find(projectId);
        Object[] donated = em.createQuery("""
                        select count(d), coalesce(sum(d.amountFen), 0), coalesce(sum(d.refundedFen), 0)
                        from Donation d where d.projectId = :project""", Object[].class)
                .setParameter("project", projectId)
                .getSingleResult();
        Object[] granted = em.createQuery("""
                        select count(d), coalesce(sum(d.amountFen), 0) from Disbursement d where d.projectId = :project""", Object[].class)
                .setParameter("project", projectId)
                .getSingleResult();
        long grantedFen = ((Number) granted[1]).longValue();
        // a project funds at most the one activity it was proposed for: every grant of the project went to it
        List<TraceApi.FundedActivity> activities =
                project.activityId == null ? List.of() : List.of(fundedActivity(project.activityId, grantedFen));
        return new TraceApi.ProjectTrace(
                project.id,
                project.fundId,
                project.communityId,
                project.title,
                project.status,
                project.budgetFen,
                Money.CURRENCY,
                new TraceApi.DonationTotals(
                        ((Number) donated[0]).longValue(),
                        ((Number) donated[1]).longValue(),
                        ((Number) donated[2]).longValue()),
                new TraceApi.GrantTotals(((Number) granted[0]).longValue(), grantedFen),
                activities);
    }

    private TraceApi.FundedActivity fundedActivity(UUID activityId, long grantedFen) {
        List<TraceApi.SessionAttendance> sessions = attendance.sessionsHeld(activityId).stream()
                .map(s -> new TraceApi.SessionAttendance(s.sessionId(), Money.view(s.firstCheckInAt()), s.attendance()))
                .toList();
        long total = sessions.stream()
                .mapToLong(TraceApi.SessionAttendance::attendance)
                .sum();
        return new TraceApi.FundedActivity(activityId, grantedFen, sessions.size(), total, sessions);
    }
}
