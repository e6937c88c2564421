-- What fund-service knows of attendance at activities, from activity-service's attendance.recorded events: enough
-- to count, per funded activity, the sessions held and the people checked in (a project's trace). No resident id:
-- the trace shows counts, and the fund keeps no personal data it does not need.
-- (V4: V2 is the transparency report's monthly figures, V3 the disbursement payee, written alongside.)
create table activity_attendance (
    attendance_id uuid primary key,
    activity_id   uuid        not null,
    session_id    uuid        not null,
    community_id  uuid        not null,
    checked_in_at timestamptz not null
);
create index activity_attendance_by_activity on activity_attendance (activity_id, session_id);
