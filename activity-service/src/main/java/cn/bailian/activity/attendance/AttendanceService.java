package cn.bailian.activity.attendance;

import cn.bailian.activity.ActivityEvents;
import cn.bailian.activity.activity.Activity;
import cn.bailian.activity.activity.ActivitySession;
import cn.bailian.activity.enrollment.Enrollment;
import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class AttendanceService {

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    /** Checks a confirmed participant in to a session, by enrollment id or check-in code; once per session. */
    @Transactional
    public AttendanceApi.AttendanceView checkIn(UUID sessionId, AttendanceApi.CheckIn request) {
        if ((request.enrollmentId() == null)
                == (request.code() == null || request.code().isBlank())) {
            throw ProblemException.invalidField("enrollmentId", "OneOf", "give exactly one of enrollmentId and code");
        }
        ActivitySession session = requireSession(sessionId);
        Activity activity = Activity.findById(session.activityId);
        caller.requireStaffOrOrganization(activity.communityId, activity.providerOrganizationId);
        if (session.status != ActivitySession.Status.SCHEDULED) {
            throw ProblemException.conflict("SESSION_CANCELLED", sessionId);
        }
        Enrollment enrollment;
        Attendance.Method method;
        if (request.enrollmentId() != null) {
            enrollment = Enrollment.findById(request.enrollmentId());
            if (enrollment == null || !enrollment.activityId.equals(activity.id)) {
                throw ProblemException.notFound("ENROLLMENT_NOT_FOUND", request.enrollmentId());
            }
            method = Attendance.Method.ENROLLMENT;
        } else {
            String code = request.code().strip().toUpperCase(Locale.ROOT);
            enrollment = Enrollment.find("activityId = ?1 and checkInCode = ?2", activity.id, code)
                    .firstResult();
            if (enrollment == null) {
                throw ProblemException.notFound("CHECK_IN_CODE_UNKNOWN", code);
            }
            method = Attendance.Method.CODE;
        }
        if (enrollment.status != Enrollment.Status.CONFIRMED) {
            throw ProblemException.conflict("ENROLLMENT_NOT_CONFIRMED", enrollment.id, enrollment.status.name());
        }
        if (Attendance.count("sessionId = ?1 and enrollmentId = ?2", sessionId, enrollment.id) > 0) {
            throw ProblemException.conflict("ALREADY_CHECKED_IN", enrollment.id);
        }
        Attendance a = new Attendance();
        a.id = UUID.randomUUID();
        a.sessionId = sessionId;
        a.activityId = activity.id;
        a.enrollmentId = enrollment.id;
        a.communityId = activity.communityId;
        a.residentId = enrollment.participantId;
        a.method = method;
        a.recordedBy = caller.subject();
        a.checkedInAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            a.persistAndFlush();
        } catch (PersistenceException e) {
            // two doors scanning one code at the same moment
            if (Constraints.violated(e, "attendance_once")) {
                throw ProblemException.conflict("ALREADY_CHECKED_IN", enrollment.id);
            }
            throw e;
        }
        outbox.publish(
                ActivityEvents.ATTENDANCE_RECORDED,
                a.id,
                new AttendanceApi.AttendanceRecorded(
                        a.id,
                        sessionId,
                        activity.id,
                        enrollment.id,
                        enrollment.participantId,
                        enrollment.guardianId,
                        activity.communityId,
                        a.checkedInAt));
        return AttendanceApi.AttendanceView.of(a);
    }

    @Transactional
    public Page<AttendanceApi.AttendanceView> attendance(UUID sessionId, PageRequest page) {
        ActivitySession session = requireSession(sessionId);
        Activity activity = Activity.findById(session.activityId);
        caller.requireStaffOrOrganization(activity.communityId, activity.providerOrganizationId);
        var query = Attendance.<Attendance>find(
                "sessionId = ?1", Sort.by("checkedInAt").and("id"), sessionId);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(AttendanceApi.AttendanceView::of)
                        .toList(),
                query.count());
    }

    private static ActivitySession requireSession(UUID id) {
        ActivitySession session = ActivitySession.findById(id);
        if (session == null) {
            throw ProblemException.notFound("SESSION_NOT_FOUND", id);
        }
        return session;
    }
}
