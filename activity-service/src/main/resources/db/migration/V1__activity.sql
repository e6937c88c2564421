-- activity-service: venues, bookings, activities, sessions, enrollments, attendance, and the projections
-- of other services' events it needs.

-- the exclusion constraint on (venue, time range) needs "=" on uuid inside a GiST index
create extension if not exists btree_gist;

-- ---------------------------------------------------------------- projections (from resident/fund events)

create table resident (
    id           uuid primary key,
    community_id uuid        not null,
    household_id uuid,
    display_name text,
    birth_date   date,
    status       text        not null check (status in ('ACTIVE', 'MOVED_OUT')),
    updated_at   timestamptz not null default now()
);

create table guardian_link (
    child_id     uuid not null,
    guardian_id  uuid not null,
    relation     text,
    community_id uuid,
    primary key (child_id, guardian_id),
    check (child_id <> guardian_id)
);
create index guardian_link_guardian on guardian_link (guardian_id);

create table organization (
    id           uuid primary key,
    community_id uuid not null,
    name         text not null,
    kind         text not null
);

-- one row per disbursement, so a redelivered or reordered grant event never counts twice
create table activity_grant (
    disbursement_id uuid primary key,
    activity_id     uuid        not null,
    project_id      uuid,
    fund_id         uuid,
    community_id    uuid,
    amount_fen      bigint      not null check (amount_fen > 0),
    received_at     timestamptz not null default now()
);
create index activity_grant_activity on activity_grant (activity_id);

-- ---------------------------------------------------------------- venues and bookings

create table venue (
    id           uuid primary key,
    community_id uuid        not null,
    name         text        not null check (length(name) between 1 and 100),
    kind         text        not null check (kind in ('ROOM', 'MEETING_ROOM', 'ACTIVITY_AREA', 'BOOTH', 'ROOFTOP')),
    capacity     int         not null check (capacity between 1 and 10000),
    created_at   timestamptz not null default now(),
    version      bigint      not null default 0,
    unique (community_id, name)
);

-- weekly opening hours in the community's local time; closes = 00:00 means midnight at the end of the day
create table venue_opening_hours (
    venue_id    uuid     not null references venue (id),
    day_of_week smallint not null check (day_of_week between 1 and 7),
    opens       time     not null,
    closes      time     not null,
    check (closes > opens or closes = '00:00')
);
create index venue_opening_hours_venue on venue_opening_hours (venue_id);

create table venue_booking (
    id              uuid primary key,
    venue_id        uuid        not null references venue (id),
    community_id    uuid        not null,
    holder_kind     text        not null check (holder_kind in ('RESIDENT', 'ORGANIZATION', 'ACTIVITY')),
    resident_id     uuid,
    organization_id uuid,
    activity_id     uuid,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    purpose         text,
    attendees       int check (attendees > 0),
    status          text        not null check (status in ('BOOKED', 'CHECKED_IN', 'CANCELLED', 'RELEASED')),
    checked_in_at   timestamptz,
    closed_at       timestamptz,
    created_at      timestamptz not null default now(),
    version         bigint      not null default 0,
    check (ends_at > starts_at),
    check ((holder_kind = 'RESIDENT' and resident_id is not null)
        or (holder_kind = 'ORGANIZATION' and organization_id is not null)
        or (holder_kind = 'ACTIVITY' and activity_id is not null)),
    check (status <> 'CHECKED_IN' or checked_in_at is not null),
    -- no two live bookings of one venue overlap, whatever the application does, also under races
    constraint venue_booking_no_overlap exclude using gist (
        venue_id with =, tstzrange(starts_at, ends_at, '[)') with &&) where (status in ('BOOKED', 'CHECKED_IN'))
);
-- the no-show scan looks only at live bookings that have not been checked in
create index venue_booking_no_show on venue_booking (starts_at) where status = 'BOOKED' and holder_kind <> 'ACTIVITY';
create index venue_booking_resident on venue_booking (resident_id) where resident_id is not null;

-- ---------------------------------------------------------------- activities and sessions

create table activity (
    id                       uuid primary key,
    community_id             uuid        not null,
    title                    text        not null check (length(title) between 1 and 200),
    description              text,
    category                 text        not null check (category in ('EARLY_EDUCATION', 'SPORTS', 'BAKING', 'PAINTING',
        'SANDTRAY', 'FARMING', 'SPECIMEN', 'CULTURE', 'MEETING', 'OTHER')),
    provider_organization_id uuid,
    model                    text        not null check (model in ('PUBLIC_WELFARE', 'MARKET')),
    fee_fen                  bigint      not null,
    min_age                  int check (min_age between 0 and 150),
    max_age                  int check (max_age between 0 and 150),
    parent_child             boolean     not null,
    capacity                 int         not null check (capacity > 0),
    -- maintained by the enrollment trigger below, never by the application
    confirmed_count          int         not null default 0,
    waitlisted_count         int         not null default 0,
    -- last waitlist position handed out; taken under the activity's row lock, so positions follow arrival
    waitlist_seq             bigint      not null default 0,
    enrollment_opens_at      timestamptz not null,
    enrollment_closes_at     timestamptz not null,
    status                   text        not null check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    first_session_starts_at  timestamptz,
    last_session_starts_at   timestamptz,
    published_at             timestamptz,
    cancelled_at             timestamptz,
    created_at               timestamptz not null default now(),
    version                  bigint      not null default 0,
    check ((model = 'PUBLIC_WELFARE' and fee_fen = 0) or (model = 'MARKET' and fee_fen > 0)),
    check (min_age is null or max_age is null or min_age <= max_age),
    check (enrollment_closes_at > enrollment_opens_at),
    -- the capacity rule itself: no path may confirm more participants than there are places
    constraint activity_capacity check (confirmed_count between 0 and capacity),
    check (waitlisted_count >= 0)
);
create index activity_listing on activity (community_id, status, first_session_starts_at);

create table activity_session (
    id           uuid primary key,
    activity_id  uuid        not null references activity (id),
    community_id uuid        not null,
    venue_id     uuid        not null references venue (id),
    booking_id   uuid        not null unique references venue_booking (id),
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    status       text        not null check (status in ('SCHEDULED', 'CANCELLED')),
    created_at   timestamptz not null default now(),
    version      bigint      not null default 0,
    check (ends_at > starts_at)
);
create index activity_session_activity on activity_session (activity_id, starts_at);

-- ---------------------------------------------------------------- enrollments and attendance

create table enrollment (
    id                uuid primary key,
    activity_id       uuid        not null references activity (id),
    community_id      uuid        not null,
    participant_id    uuid        not null,
    guardian_id       uuid,
    status            text        not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    waitlist_position bigint,
    check_in_code     text,
    enrolled_by       text        not null,
    cancel_reason     text check (cancel_reason in ('PARTICIPANT', 'STAFF', 'MOVED_OUT', 'ACTIVITY_CANCELLED')),
    enrolled_at       timestamptz not null,
    confirmed_at      timestamptz,
    promoted_at       timestamptz,
    cancelled_at      timestamptz,
    version           bigint      not null default 0,
    check (status <> 'WAITLISTED' or waitlist_position is not null),
    check (status <> 'CONFIRMED' or (check_in_code is not null and confirmed_at is not null)),
    check ((status = 'CANCELLED') = (cancelled_at is not null and cancel_reason is not null)),
    check (guardian_id is null or guardian_id <> participant_id)
);
-- one live enrollment per participant and activity
create unique index enrollment_one_live on enrollment (activity_id, participant_id) where status in ('CONFIRMED', 'WAITLISTED');
create unique index enrollment_check_in_code on enrollment (activity_id, check_in_code);
create unique index enrollment_waitlist_position on enrollment (activity_id, waitlist_position);
create index enrollment_waitlist_head on enrollment (activity_id, waitlist_position) where status = 'WAITLISTED';
create index enrollment_participant on enrollment (participant_id);
create index enrollment_guardian on enrollment (guardian_id) where guardian_id is not null;

-- The counters on activity follow the enrollment rows; with the check constraint on activity this makes
-- "never more confirmed than capacity" a database rule, not a Java one.
create function enrollment_counts() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if old.status = new.status then
            return new;
        end if;
        update activity set
            confirmed_count = confirmed_count - (old.status = 'CONFIRMED')::int,
            waitlisted_count = waitlisted_count - (old.status = 'WAITLISTED')::int
        where id = old.activity_id;
    end if;
    update activity set
        confirmed_count = confirmed_count + (new.status = 'CONFIRMED')::int,
        waitlisted_count = waitlisted_count + (new.status = 'WAITLISTED')::int
    where id = new.activity_id;
    return new;
end $$;

create trigger enrollment_counts after insert or update of status on enrollment
    for each row execute function enrollment_counts();

create table attendance (
    id             uuid primary key,
    session_id     uuid        not null references activity_session (id),
    activity_id    uuid        not null references activity (id),
    enrollment_id  uuid        not null references enrollment (id),
    community_id   uuid        not null,
    resident_id    uuid        not null,
    method         text        not null check (method in ('ENROLLMENT', 'CODE')),
    recorded_by    text        not null,
    checked_in_at  timestamptz not null,
    -- one attendance per participant and session, also when two staff scan the same code at once
    constraint attendance_once unique (session_id, enrollment_id)
);
create index attendance_session on attendance (session_id, checked_in_at);
