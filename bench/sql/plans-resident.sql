-- Item 5: the plans of resident-service's reads at the loaded size (psql -v community=ID), the statements as
-- Hibernate and CommunityResource send them.
\set ON_ERROR_STOP on
\pset pager off
\echo '### resident search: name prefix, first page of 20, and its total'
explain (analyze, buffers, costs off)
select * from resident r1_0 where r1_0.community_id = :'community' and r1_0.name like '王%' escape '\'
order by r1_0.name, r1_0.id offset 0 rows fetch first 20 rows only;
explain (analyze, buffers, costs off)
select count(*) from resident r1_0 where r1_0.community_id = :'community' and r1_0.name like '王%' escape '\';
\echo '### community stats'
explain (analyze, buffers, costs off)
select c.id, c.name, c.type,
       (select count(*) from household h where h.compound_id = c.id),
       (select count(*) from resident r join household h on h.id = r.household_id
         where h.compound_id = c.id and r.status = 'ACTIVE' and r.residency_type = 'PERMANENT'),
       (select count(*) from resident r join household h on h.id = r.household_id
         where h.compound_id = c.id and r.status = 'ACTIVE' and r.residency_type = 'FLOATING')
from compound c where c.community_id = :'community' order by c.name, c.id;
