package cn.bailian.activity;

/**
 * The CloudEvent types activity-service publishes on {@code bailian.activity.events} (asyncapi/asyncapi.yaml), in
 * one place: every publisher and every test names them from here.
 */
public final class ActivityEvents {

    public static final String ACTIVITY_PUBLISHED = "cn.bailian.activity.published.v1";
    public static final String ENROLLMENT_CONFIRMED = "cn.bailian.activity.enrollment.confirmed.v1";
    public static final String ENROLLMENT_WAITLISTED = "cn.bailian.activity.enrollment.waitlisted.v1";
    public static final String ENROLLMENT_CANCELLED = "cn.bailian.activity.enrollment.cancelled.v1";
    public static final String ENROLLMENT_PROMOTED = "cn.bailian.activity.enrollment.promoted.v1";
    public static final String VENUE_BOOKED = "cn.bailian.activity.venue.booked.v1";
    public static final String ATTENDANCE_RECORDED = "cn.bailian.activity.attendance.recorded.v1";

    private ActivityEvents() {}
}
