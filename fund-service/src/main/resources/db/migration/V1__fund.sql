-- fund-service: funds, donations and receipts, projects with review and public notice, disbursements, and
-- an append-only, hash-chained double-entry ledger. Money is bigint fen everywhere.

create table fund (
    id             uuid primary key,
    community_id   uuid        not null,
    name           text        not null check (length(name) between 1 and 200),
    kind           text        not null check (kind in ('COMMUNITY', 'SPECIAL')),
    balance_fen    bigint      not null default 0 check (balance_fen >= 0),
    donated_fen    bigint      not null default 0 check (donated_fen >= 0),
    refunded_fen   bigint      not null default 0 check (refunded_fen >= 0),
    disbursed_fen  bigint      not null default 0 check (disbursed_fen >= 0),
    -- head of the ledger chain: a truncated ledger is detectable against it
    ledger_seq     bigint      not null default 0,
    ledger_hash    text        not null default repeat('0', 64),
    created_at     timestamptz not null,
    created_by     text        not null,
    version        bigint      not null default 0,
    constraint fund_balance_adds_up check (balance_fen = donated_fen - refunded_fen - disbursed_fen),
    constraint fund_name_unique unique (community_id, name)
);
-- one shared fund per community; special funds beside it
create unique index fund_one_community_fund on fund (community_id) where kind = 'COMMUNITY';

-- receipt numbers without gaps: the counter row is incremented in the donation's own transaction
create table receipt_counter (
    fund_id  uuid   not null references fund (id),
    year     int    not null,
    last_seq bigint not null check (last_seq > 0),
    primary key (fund_id, year)
);

create table project (
    id                 uuid primary key,
    fund_id            uuid        not null references fund (id),
    community_id       uuid        not null,
    title              text        not null check (length(title) between 1 and 200),
    description        text        not null,
    type               text        not null check (type in ('CHARITY', 'PUBLIC_WELFARE', 'SELF_GOVERNANCE', 'MUTUAL_AID')),
    budget_fen         bigint      not null check (budget_fen > 0 and budget_fen <= 10000000000),
    proposer_kind      text        not null check (proposer_kind in ('RESIDENT', 'ORGANIZATION', 'COMMUNITY')),
    proposer_id        uuid,
    proposer_name      text        not null,
    activity_id        uuid,
    status             text        not null check (status in ('PROPOSED', 'COUNCIL_APPROVED', 'NOTICE', 'APPROVED', 'REJECTED', 'COMPLETED')),
    notice_starts_at   timestamptz,
    notice_ends_at     timestamptz,
    approved_at        timestamptz,
    completed_at       timestamptz,
    completion_report  text,
    earmarked_fen      bigint      not null default 0 check (earmarked_fen >= 0),
    disbursed_fen      bigint      not null default 0,
    created_at         timestamptz not null,
    created_by         text        not null,
    version            bigint      not null default 0,
    constraint project_within_budget check (disbursed_fen >= 0 and disbursed_fen <= budget_fen),
    constraint project_notice_has_period check (status not in ('NOTICE', 'APPROVED', 'COMPLETED') or notice_ends_at is not null),
    constraint project_completed_has_report check (status <> 'COMPLETED' or completion_report is not null),
    constraint project_proposer_named check (proposer_kind = 'COMMUNITY' or proposer_id is not null)
);
create index project_by_fund on project (fund_id, created_at);
create index project_notice_due on project (notice_ends_at) where status = 'NOTICE';

create table project_review (
    id            uuid primary key,
    project_id    uuid        not null references project (id),
    step          text        not null check (step in ('COUNCIL', 'COMMITTEE')),
    decision      text        not null check (decision in ('APPROVE', 'REJECT')),
    comment       text,
    reviewer      text        not null,
    reviewed_at   timestamptz not null,
    -- each step is decided once
    constraint review_once_per_step unique (project_id, step)
);

create table project_objection (
    id            uuid primary key,
    project_id    uuid        not null references project (id),
    resident_id   uuid        not null,
    reason        text        not null,
    status        text        not null check (status in ('PENDING', 'UPHELD', 'DISMISSED')),
    raised_at     timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    version       bigint      not null default 0,
    constraint objection_once_per_resident unique (project_id, resident_id),
    constraint objection_decided check ((status = 'PENDING') = (decided_at is null))
);

create table project_milestone (
    id               uuid primary key,
    project_id       uuid        not null references project (id),
    title            text        not null,
    description      text,
    due_on           date,
    progress_percent int         not null check (progress_percent between 0 and 100),
    note             text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    version          bigint      not null default 0
);
create index milestone_by_project on project_milestone (project_id, created_at);

create table donation (
    id                uuid primary key,
    fund_id           uuid        not null references fund (id),
    community_id      uuid        not null,
    donor_kind        text        not null check (donor_kind in ('RESIDENT', 'ORGANIZATION', 'ENTERPRISE', 'ANONYMOUS')),
    donor_id          uuid,
    display_name      text        not null,  -- already masked, or 匿名
    anonymous         boolean     not null,
    amount_fen        bigint      not null check (amount_fen > 0 and amount_fen <= 10000000000),
    channel           text        not null check (channel in ('CASH', 'WECHAT_PAY', 'BANK_TRANSFER')),
    payment_reference text        not null,
    project_id        uuid references project (id),
    receipt_year      int         not null,
    receipt_seq       bigint      not null,
    receipt_number    text        not null,
    received_at       timestamptz not null,
    recorded_by       text        not null,
    refunded_fen      bigint      not null default 0,
    version           bigint      not null default 0,
    constraint donation_reference_once unique (fund_id, payment_reference),
    constraint donation_receipt_once unique (fund_id, receipt_year, receipt_seq),
    constraint donation_refund_within_amount check (refunded_fen >= 0 and refunded_fen <= amount_fen),
    constraint donation_anonymous_kind check (donor_kind <> 'ANONYMOUS' or anonymous)
);
create index donation_by_fund_time on donation (fund_id, received_at);

-- A receipted donation is locked: only the running refund total may change.
create function donation_receipted_is_locked() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'donation % is receipted and cannot be deleted', old.id;
    end if;
    if (new.fund_id, new.amount_fen, new.channel, new.payment_reference, new.receipt_number, new.received_at,
        new.donor_kind, new.donor_id, new.anonymous, new.project_id)
       is distinct from
       (old.fund_id, old.amount_fen, old.channel, old.payment_reference, old.receipt_number, old.received_at,
        old.donor_kind, old.donor_id, old.anonymous, old.project_id) then
        raise exception 'donation % is receipted and locked', old.id;
    end if;
    return new;
end $$;
create trigger donation_locked before update or delete on donation
    for each row execute function donation_receipted_is_locked();

create table refund (
    id           uuid primary key,
    donation_id  uuid        not null references donation (id),
    fund_id      uuid        not null references fund (id),
    community_id uuid        not null,
    amount_fen   bigint      not null check (amount_fen > 0 and amount_fen <= 10000000000),
    reason       text        not null,
    refunded_at  timestamptz not null,
    recorded_by  text        not null
);
create index refund_by_fund_time on refund (fund_id, refunded_at);

create table disbursement (
    id                uuid primary key,
    project_id        uuid        not null references project (id),
    fund_id           uuid        not null references fund (id),
    community_id      uuid        not null,
    amount_fen        bigint      not null check (amount_fen > 0 and amount_fen <= 10000000000),
    payee             text        not null,
    purpose           text        not null,
    invoice_reference text        not null,
    disbursed_at      timestamptz not null,
    recorded_by       text        not null
);
create index disbursement_by_fund_time on disbursement (fund_id, disbursed_at);
create index disbursement_by_project on disbursement (project_id, disbursed_at);

-- The ledger: one row per journal entry (debit one account, credit another, same amount), numbered
-- without gaps per fund, each row carrying the hash of the previous one.
create table ledger_entry (
    id              uuid primary key,
    fund_id         uuid        not null references fund (id),
    seq             bigint      not null check (seq > 0),
    entry_time      timestamptz not null,
    kind            text        not null check (kind in ('DONATION', 'REFUND', 'DISBURSEMENT')),
    debit_account   text        not null,
    credit_account  text        not null,
    amount_fen      bigint      not null check (amount_fen > 0),
    donation_id     uuid,
    refund_id       uuid,
    project_id      uuid,
    disbursement_id uuid,
    prev_hash       text        not null check (length(prev_hash) = 64),
    hash            text        not null check (length(hash) = 64),
    constraint ledger_seq_once unique (fund_id, seq),
    constraint ledger_two_sides check (debit_account <> credit_account)
);

create function ledger_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger_entry is append-only (% refused)', tg_op;
end $$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_entry_is_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_entry_is_append_only();
create function row_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end $$;
create trigger refund_append_only before update or delete on refund
    for each row execute function row_is_append_only();
create trigger disbursement_append_only before update or delete on disbursement
    for each row execute function row_is_append_only();

-- What fund-service knows of residents and organisations, from resident-service's events.
create table known_resident (
    resident_id  uuid primary key,
    community_id uuid        not null,
    display_name text        not null,
    status       text        not null check (status in ('ACTIVE', 'MOVED_OUT')),
    updated_at   timestamptz not null
);

create table known_organization (
    organization_id uuid primary key,
    community_id    uuid        not null,
    name            text        not null,
    kind            text        not null,
    updated_at      timestamptz not null
);
