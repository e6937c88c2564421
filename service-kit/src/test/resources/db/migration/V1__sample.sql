create table note (
    id      uuid primary key,
    text    text   not null,
    version bigint not null default 0
);
-- One row per application of a note event by the consumer: the inbox must keep this at one per event.
create table note_applied (
    id       bigint generated always as identity primary key,
    event_id text not null,
    note_id  text not null
);
