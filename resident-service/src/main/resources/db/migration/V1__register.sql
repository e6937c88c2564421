-- The community register. Nothing is deleted: residents move out (status, date), links stay.

create table community (
    id         uuid primary key,
    name       text        not null check (length(btrim(name)) between 1 and 100),
    district   text,
    created_at timestamptz not null default now(),
    version    bigint      not null default 0,
    constraint community_name_unique unique (name)
);

create table compound (
    id           uuid primary key,
    community_id uuid        not null references community (id),
    name         text        not null check (length(btrim(name)) between 1 and 100),
    type         text        not null check (type in ('RESETTLEMENT', 'INSTITUTIONAL', 'COMMERCIAL')),
    created_at   timestamptz not null default now(),
    version      bigint      not null default 0,
    constraint compound_name_unique unique (community_id, name),
    -- target of the composite keys below: a household lies in its compound's community
    unique (id, community_id)
);

create table household (
    id           uuid primary key,
    community_id uuid        not null,
    compound_id  uuid        not null,
    building     text        not null,
    unit         text        not null,
    room         text        not null,
    created_at   timestamptz not null default now(),
    version      bigint      not null default 0,
    foreign key (compound_id, community_id) references compound (id, community_id),
    constraint household_address_unique unique (compound_id, building, unit, room),
    unique (id, community_id)
);

create table resident (
    id                   uuid primary key,
    community_id         uuid        not null,
    household_id         uuid        not null,
    name                 text        not null check (length(btrim(name)) between 1 and 50),
    gender               text        not null check (gender in ('MALE', 'FEMALE')),
    birth_date           date        not null,
    -- PII: AES-256-GCM ciphertexts (iv || ciphertext || tag, base64) and HMAC-SHA256 keyed hashes
    phone_cipher         text        not null,
    phone_hash           text        not null,
    phone_last4          char(4)     not null,
    id_number_cipher     text,
    id_number_hash       text,
    residency_type       text        not null check (residency_type in ('PERMANENT', 'FLOATING')),
    relation_to_head     text        not null check (relation_to_head in
                             ('SELF', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'OTHER')),
    status               text        not null default 'ACTIVE' check (status in ('ACTIVE', 'MOVED_OUT')),
    moved_out_on         date,
    move_out_destination text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              bigint      not null default 0,
    foreign key (household_id, community_id) references household (id, community_id),
    check ((status = 'MOVED_OUT') = (moved_out_on is not null)),
    check ((id_number_cipher is null) = (id_number_hash is null)),
    check (moved_out_on is null or moved_out_on >= birth_date)
);
-- The same ID-card number cannot be registered twice among a community's current residents.
create unique index resident_id_number_unique on resident (community_id, id_number_hash)
    where id_number_hash is not null and status = 'ACTIVE';
-- One head per household.
create unique index resident_household_head_unique on resident (household_id)
    where relation_to_head = 'SELF' and status = 'ACTIVE';
create index resident_community_name on resident (community_id, name text_pattern_ops);
create index resident_community_phone on resident (community_id, phone_last4);
create index resident_household on resident (household_id);

create table guardian_link (
    child_id     uuid        not null references resident (id),
    guardian_id  uuid        not null references resident (id),
    community_id uuid        not null references community (id),
    relation     text        not null check (relation in ('FATHER', 'MOTHER', 'GRANDFATHER', 'GRANDMOTHER', 'OTHER')),
    created_at   timestamptz not null default now(),
    primary key (child_id, guardian_id),
    check (child_id <> guardian_id)
);
create index guardian_link_guardian on guardian_link (guardian_id);

create table organization (
    id           uuid primary key,
    community_id uuid        not null references community (id),
    name         text        not null check (length(btrim(name)) between 1 and 100),
    kind         text        not null check (kind in
                     ('SOCIAL_ORGANISATION', 'SOCIAL_ENTERPRISE', 'SOCIAL_WORKER_AGENCY', 'RESIDENT_GROUP', 'UNIT')),
    description  text,
    created_at   timestamptz not null default now(),
    version      bigint      not null default 0,
    constraint organization_name_unique unique (community_id, name)
);

-- Who changed what and when; field names only, never the values of phone or ID-card numbers.
create table audit_entry (
    id           bigint generated always as identity primary key,
    community_id uuid,
    entity_type  text        not null,
    entity_id    uuid        not null,
    action       text        not null,
    actor        text        not null,
    fields       text[]      not null default '{}',
    at           timestamptz not null default now()
);
create index audit_entry_entity on audit_entry (entity_type, entity_id, id);

-- 荣誉感: one row per other-service event that names a resident. The source event id is unique so the
-- timeline is exactly-once even apart from the inbox.
create table participation_entry (
    id              uuid primary key,
    source_event_id text        not null,
    event_type      text        not null,
    resident_id     uuid        not null,
    community_id    uuid        not null,
    subject_id      text,
    detail          text,
    points          int         not null check (points >= 0),
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null default now(),
    constraint participation_source_unique unique (source_event_id)
);
create index participation_resident on participation_entry (resident_id, occurred_at desc);
create index participation_community on participation_entry (community_id, resident_id);
