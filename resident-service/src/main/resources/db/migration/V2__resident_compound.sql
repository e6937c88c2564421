-- Scale (issue #9). Community statistics count a compound's active residents. They reached the compound through
-- household, probing resident_household once per household (2,000 probes for a community of 1,000 households).
-- resident.compound_id, always the compound of the resident's household, lets one partial index answer the counts
-- index-only.
alter table resident add column compound_id uuid;
update resident r set compound_id = h.compound_id from household h where h.id = r.household_id;
-- household_id and household.compound_id are both NOT NULL, so every resident has a compound.
alter table resident alter column compound_id set not null;

-- The database keeps it right on every path (the service, imports, a bulk INSERT, an UPDATE of household_id):
-- whatever the writer sends, compound_id is taken from the household. A loader that runs with
-- session_replication_role = replica skips triggers and foreign keys alike and must write the household's compound
-- itself (bench/sql/scale-residents.sql does); NOT NULL still stops one that forgets.
create function resident_compound() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.household_id = old.household_id and new.compound_id = old.compound_id then
        return new;
    end if;
    select h.compound_id into new.compound_id from household h where h.id = new.household_id;
    return new;
end
$$;
create trigger resident_compound before insert or update of household_id, compound_id on resident
    for each row execute function resident_compound();

create index resident_compound_counts on resident (compound_id, residency_type) where status = 'ACTIVE';

-- Name search: the first page is the first 20 matches of community_id and a name prefix in (name, id) order. With the
-- name in collation "C" the index serves both the prefix (a range, as text_pattern_ops did) and the order, so the page
-- reads 20 index entries instead of sorting every match. "C" is code-point order, the order the search already had on
-- every server we run (CloudNativePG initialises with C, the embedded server with C.UTF-8); the query now names it
-- (order by name collate "C", id) so the order no longer depends on the server's locale.
create index resident_community_name_c on resident (community_id, name collate "C", id);
drop index resident_community_name;
