-- Tables of the shared service kit, created in every service's own database.

-- Transactional outbox: written in the business transaction, drained to Kafka by the relay.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    aggregate_id text        not null,
    event_type   text        not null,
    payload      text        not null,  -- the whole CloudEvent, byte for byte as published
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (id) where published_at is null;

-- Idempotent consumer: the insert of an event id comes first in the handler's transaction.
create table processed_event (
    event_id     text        primary key,
    event_type   text        not null,
    source       text,
    processed_at timestamptz not null default now()
);

-- Events that could not be read or applied, kept for a person to look at.
create table parked_event (
    id              bigint generated always as identity primary key,
    topic           text        not null,
    kafka_partition int         not null,
    kafka_offset    bigint      not null,
    event_id        text,
    event_type      text,
    payload         text,
    error           text        not null,
    parked_at       timestamptz not null default now()
);

-- Idempotency-Key: the stored answer to a creating request, per caller and operation.
create table idempotency_record (
    scope        text        not null,
    idem_key     text        not null,
    request_hash text        not null,
    status       int         not null,
    body         text,
    location     text,
    etag         text,
    created_at   timestamptz not null default now(),
    primary key (scope, idem_key)
);
