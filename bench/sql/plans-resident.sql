-- Item 5: the plans of resident-service's reads at the loaded size (psql -v community=ID), the statements as
-- ResidentService.search and CommunityResource.stats send them (native SQL, the parameters here as literals).
\set ON_ERROR_STOP on
\pset pager off
\echo '### resident search: name prefix, its total, then the first page of 20 (skipped when the total is 0)'
explain (analyze, buffers, costs off)
select count(*) from resident r where r.community_id = :'community' and r.name like '王%';
explain (analyze, buffers, costs off)
select r.* from resident r where r.community_id = :'community' and r.name like '王%' order by r.name collate "C", r.id limit 20 offset 0;
\echo '### community stats'
explain (analyze, buffers, costs off)
select c.id, c.name, c.type,
       (select count(*) from household h where h.compound_id = c.id),
       (select count(*) from resident r
         where r.compound_id = c.id and r.status = 'ACTIVE' and r.residency_type = 'PERMANENT'),
       (select count(*) from resident r
         where r.compound_id = c.id and r.status = 'ACTIVE' and r.residency_type = 'FLOATING')
from compound c where c.community_id = :'community' order by c.name, c.id;
