-- farm-service: farms, plots, claims, waitlist and offers, lotteries, planting journal, care rules,
-- and the projection of residents it learns from resident-service's events.

-- What farm-service knows of residents, from resident events only (never a call on the request path).
-- event_time keeps the newest applied state so an older event cannot overwrite a newer one.
create table resident_projection (
    resident_id  uuid primary key,
    community_id uuid        not null,
    household_id uuid,
    display_name text,
    status       text        not null check (status in ('ACTIVE', 'MOVED_OUT')),
    event_time   timestamptz not null,
    updated_at   timestamptz not null default now()
);
create index resident_projection_household on resident_projection (household_id);

create table household_projection (
    household_id uuid primary key,
    community_id uuid not null,
    compound_id  uuid
);

create table farm (
    id           uuid primary key,
    community_id uuid        not null,
    name         text        not null check (length(name) between 1 and 100),
    location     text,
    created_at   timestamptz not null,
    version      bigint      not null default 0,
    unique (community_id, name)
);

create table plot (
    id           uuid primary key,
    farm_id      uuid          not null references farm (id),
    community_id uuid          not null,
    code         text          not null check (code ~ '^[A-Z]{1,3}-[0-9]{1,3}$'),
    area_m2      numeric(7, 2) not null check (area_m2 > 0),
    grid_row     int           not null check (grid_row >= 0),
    grid_column  int           not null check (grid_column >= 0),
    status       text          not null check (status in ('AVAILABLE', 'CLAIMED', 'OFFERED', 'RESERVED_FOR_EDUCATION', 'MAINTENANCE')),
    note         text,
    created_at   timestamptz   not null,
    version      bigint        not null default 0,
    unique (farm_id, code),
    unique (farm_id, grid_row, grid_column)
);

create table claim (
    id                 uuid primary key,
    plot_id            uuid        not null references plot (id),
    farm_id            uuid        not null references farm (id),
    community_id       uuid        not null,
    resident_id        uuid        not null,
    household_id       uuid        not null,
    status             text        not null check (status in ('ACTIVE', 'ENDED')),
    starts_on          date        not null,
    ends_on            date        not null,
    end_reason         text check (end_reason in ('RELEASED', 'EXPIRED', 'REVOKED', 'MOVED_OUT')),
    end_note           text,
    revoked_warning_id uuid,
    ended_at           timestamptz,
    offer_id           uuid,
    last_journal_at    timestamptz,
    created_at         timestamptz not null,
    version            bigint      not null default 0,
    check (ends_on >= starts_on),
    check ((status = 'ACTIVE') = (end_reason is null)),
    -- a revocation always names the failed warning that allowed it: never revoked without a prior warning
    check (end_reason is distinct from 'REVOKED' or revoked_warning_id is not null)
);
-- the two allocation invariants, held by the database whatever the Java does
create unique index claim_one_active_per_plot on claim (plot_id) where status = 'ACTIVE';
create unique index claim_one_active_per_household on claim (household_id) where status = 'ACTIVE';
create index claim_resident on claim (resident_id);
create index claim_expiry on claim (ends_on) where status = 'ACTIVE';

create table waitlist_entry (
    id            uuid primary key,
    farm_id       uuid        not null references farm (id),
    community_id  uuid        not null,
    resident_id   uuid        not null,
    household_id  uuid        not null,
    status        text        not null check (status in ('WAITING', 'OFFERED', 'CLAIMED', 'LEFT', 'REMOVED')),
    sort_key      bigint      not null,
    joined_at     timestamptz not null,
    ended_at      timestamptz,
    end_reason    text,
    version       bigint      not null default 0
);
create unique index waitlist_once_per_farm on waitlist_entry (farm_id, resident_id) where status in ('WAITING', 'OFFERED');
create index waitlist_order on waitlist_entry (farm_id, sort_key, joined_at, id) where status in ('WAITING', 'OFFERED');

create table offer (
    id                uuid primary key,
    plot_id           uuid        not null references plot (id),
    farm_id           uuid        not null references farm (id),
    community_id      uuid        not null,
    waitlist_entry_id uuid        not null references waitlist_entry (id),
    resident_id       uuid        not null,
    household_id      uuid        not null,
    lottery_id        uuid,
    status            text        not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'LAPSED', 'WITHDRAWN')),
    expires_at        timestamptz not null,
    created_at        timestamptz not null,
    decided_at        timestamptz,
    version           bigint      not null default 0
);
-- a plot is offered to one person at a time, a waitlist entry holds one offer at a time
create unique index offer_one_pending_per_plot on offer (plot_id) where status = 'PENDING';
create unique index offer_one_pending_per_entry on offer (waitlist_entry_id) where status = 'PENDING';
create index offer_lapse on offer (expires_at) where status = 'PENDING';
create index offer_resident on offer (resident_id);

create table waitlist_reorder (
    id            uuid primary key,
    entry_id      uuid        not null references waitlist_entry (id),
    farm_id       uuid        not null references farm (id),
    from_position int         not null,
    to_position   int         not null,
    reason        text        not null check (length(reason) between 1 and 500),
    staff         text        not null,
    created_at    timestamptz not null
);

create table lottery (
    id            uuid primary key,
    farm_id       uuid        not null references farm (id),
    community_id  uuid        not null,
    seed          bigint      not null,
    input_hash    text        not null,
    inputs        text        not null, -- JSON: the ordered candidates exactly as drawn
    plot_ids      text        not null, -- JSON: the plots drawn for, in order
    winners       text        not null, -- JSON: [{residentId, plotId}] as published
    drawn_by      text        not null,
    drawn_at      timestamptz not null
);

create table journal_entry (
    id             uuid primary key,
    plot_id        uuid        not null references plot (id),
    farm_id        uuid        not null references farm (id),
    community_id   uuid        not null,
    claim_id       uuid        not null references claim (id),
    resident_id    uuid        not null,
    kind           text        not null check (kind in ('SOWING', 'WATERING', 'FERTILISING', 'HARVEST', 'NOTE')),
    crop           text,
    quantity_grams int,
    note           text,
    photo_url      text,
    recorded_at    timestamptz not null,
    check (kind <> 'HARVEST' or (crop is not null and quantity_grams is not null and quantity_grams > 0)),
    check (quantity_grams is null or kind = 'HARVEST')
);
create index journal_plot on journal_entry (plot_id, recorded_at desc);
create index journal_farm on journal_entry (farm_id, recorded_at desc);

create table inspection (
    id           uuid primary key,
    plot_id      uuid        not null references plot (id),
    claim_id     uuid        not null references claim (id),
    community_id uuid        not null,
    grade        text        not null check (grade in ('GOOD', 'FAIR', 'POOR')),
    note         text,
    photo_url    text,
    inspector    text        not null,
    inspected_at timestamptz not null
);
create index inspection_plot on inspection (plot_id, inspected_at desc);

create table care_warning (
    id            uuid primary key,
    claim_id      uuid        not null references claim (id),
    plot_id       uuid        not null references plot (id),
    community_id  uuid        not null,
    resident_id   uuid        not null,
    reason        text        not null check (reason in ('POOR_INSPECTION', 'NO_JOURNAL')),
    inspection_id uuid references inspection (id),
    status        text        not null check (status in ('OPEN', 'RESOLVED', 'FAILED')),
    reinspect_on  date        not null,
    issued_at     timestamptz not null,
    closed_at     timestamptz
);
-- one live warning per claim: a second failure turns it FAILED rather than stacking warnings
create unique index care_warning_one_live_per_claim on care_warning (claim_id) where status in ('OPEN', 'FAILED');

alter table claim add constraint claim_revoked_warning_fk foreign key (revoked_warning_id) references care_warning (id);
