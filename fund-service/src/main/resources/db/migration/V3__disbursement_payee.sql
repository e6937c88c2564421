-- A disbursement's payee is an organisation the fund knows (known_organization, from resident-service's events),
-- named by id; free text only for a payee marked as an individual or as outside the community's register.
-- Rows paid before this change named their payee in free text only: they become OUTSIDE with that text.
-- (V3: V2 is the transparency report's monthly figures, written alongside.)
-- Adding a column with a constant default rewrites no row, so the append-only trigger is not involved.
alter table disbursement add column payee_kind text not null default 'OUTSIDE'
    check (payee_kind in ('ORGANIZATION', 'INDIVIDUAL', 'OUTSIDE'));
alter table disbursement alter column payee_kind drop default;
alter table disbursement add column payee_organization_id uuid;
-- an organisation payee is named by its id, and only an organisation payee is
alter table disbursement add constraint disbursement_payee_named
    check ((payee_kind = 'ORGANIZATION') = (payee_organization_id is not null));
create index disbursement_by_payee_organization on disbursement (payee_organization_id)
    where payee_organization_id is not null;
