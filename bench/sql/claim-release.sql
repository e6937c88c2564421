-- Item 1, pgbench -M prepared on bailian_farm: the statements farm-service sends for POST /plots/{id}/claims and
-- then POST /claims/{id}/release, as PostgreSQL logged them (bench/run keeps the capture in
-- .bailian/bench/sql-log/), one transaction per request as the service runs them. Client n (:client_id) uses its
-- own plot and resident from bench.claim_pair, as the wrk client n does. Values the service computes in Java
-- (ids, the event's JSON, with ISO-8601 times so the consumers read it) are computed here in SQL; selects whose rows Java reads come back through \gset.
select plot_id, resident_id from bench.claim_pair where client = :client_id \gset
select gen_random_uuid() as claim_id, gen_random_uuid() as event_id, gen_random_uuid() as event2_id \gset

-- POST /plots/{plotId}/claims
select p1_0.id,p1_0.area_m2,p1_0.code,p1_0.community_id,p1_0.created_at,p1_0.farm_id,p1_0.grid_column,p1_0.grid_row,p1_0.note,p1_0.status,p1_0.version from plot p1_0 where p1_0.id=:plot_id;
BEGIN;
select p1_0.id,p1_0.area_m2,p1_0.code,p1_0.community_id,p1_0.created_at,p1_0.farm_id,p1_0.grid_column,p1_0.grid_row,p1_0.note,p1_0.status,p1_0.version from plot p1_0 where p1_0.id=:plot_id for no key update of p1_0 \gset p_
select rp1_0.resident_id,rp1_0.community_id,rp1_0.display_name,rp1_0.event_time,rp1_0.household_id,rp1_0.status,rp1_0.updated_at from resident_projection rp1_0 where rp1_0.resident_id=:resident_id \gset r_
select count(*) from claim c1_0 where c1_0.household_id=:r_household_id and c1_0.status='ACTIVE';
insert into claim (community_id,created_at,end_note,end_reason,ended_at,ends_on,farm_id,household_id,last_journal_at,offer_id,plot_id,resident_id,revoked_warning_id,starts_on,status,version,id) values (:p_community_id,now(),null,null,null,current_date + 364,:p_farm_id,:r_household_id,null,null,:plot_id,:resident_id,null,current_date,'ACTIVE',0,:claim_id);
\set v1 :p_version + 1
update plot set area_m2=:p_area_m2,code=:p_code,community_id=:p_community_id,created_at=:p_created_at,farm_id=:p_farm_id,grid_column=:p_grid_column,grid_row=:p_grid_row,note=null,status='CLAIMED',version=:v1 where id=:plot_id and version=:p_version;
insert into outbox_event (event_id, topic, aggregate_id, event_type, payload)
	values (cast(:event_id as uuid), 'bailian.farm.events', :claim_id, 'cn.bailian.farm.plot.claimed.v1',
	format('{"specversion":"1.0","id":"%s","source":"/bailian/farm-service","type":"cn.bailian.farm.plot.claimed.v1","subject":"%s","time":"%s","datacontenttype":"application/json","data":{"claimId":"%s","plotId":"%s","farmId":"%s","plotCode":"%s","residentId":"%s","householdId":"%s","communityId":"%s","startsOn":"%s","endsOn":"%s"}}',
	       :event_id::text, :claim_id::text, to_json(now()) #>> '{}', :claim_id::text, :plot_id::text, :p_farm_id::text, :p_code::text, :resident_id::text, :r_household_id::text, :p_community_id::text, current_date, current_date + 364));
COMMIT;

-- POST /claims/{id}/release
select c1_0.id,c1_0.community_id,c1_0.created_at,c1_0.end_note,c1_0.end_reason,c1_0.ended_at,c1_0.ends_on,c1_0.farm_id,c1_0.household_id,c1_0.last_journal_at,c1_0.offer_id,c1_0.plot_id,c1_0.resident_id,c1_0.revoked_warning_id,c1_0.starts_on,c1_0.status,c1_0.version from claim c1_0 where c1_0.id=:claim_id;
BEGIN;
select c1_0.id,c1_0.community_id,c1_0.created_at,c1_0.end_note,c1_0.end_reason,c1_0.ended_at,c1_0.ends_on,c1_0.farm_id,c1_0.household_id,c1_0.last_journal_at,c1_0.offer_id,c1_0.plot_id,c1_0.resident_id,c1_0.revoked_warning_id,c1_0.starts_on,c1_0.status,c1_0.version from claim c1_0 where c1_0.id=:claim_id for no key update of c1_0 \gset c_
select f1_0.id,f1_0.community_id,f1_0.created_at,f1_0.location,f1_0.name,f1_0.version from farm f1_0 where f1_0.id=:p_farm_id for no key update of f1_0;
\set v2 :c_version + 1
update claim set community_id=:c_community_id,created_at=:c_created_at,end_note=null,end_reason='RELEASED',ended_at=now(),ends_on=:c_ends_on,farm_id=:c_farm_id,household_id=:c_household_id,last_journal_at=null,offer_id=null,plot_id=:c_plot_id,resident_id=:c_resident_id,revoked_warning_id=null,starts_on=:c_starts_on,status='ENDED',version=:v2 where id=:claim_id and version=:c_version;
insert into outbox_event (event_id, topic, aggregate_id, event_type, payload)
	values (cast(:event2_id as uuid), 'bailian.farm.events', :claim_id, 'cn.bailian.farm.plot.released.v1',
	format('{"specversion":"1.0","id":"%s","source":"/bailian/farm-service","type":"cn.bailian.farm.plot.released.v1","subject":"%s","time":"%s","datacontenttype":"application/json","data":{"claimId":"%s","plotId":"%s","farmId":"%s","residentId":"%s","communityId":"%s","reason":"RELEASED"}}',
	       :event2_id::text, :claim_id::text, to_json(now()) #>> '{}', :claim_id::text, :plot_id::text, :p_farm_id::text, :resident_id::text, :p_community_id::text));
select p1_0.id,p1_0.area_m2,p1_0.code,p1_0.community_id,p1_0.created_at,p1_0.farm_id,p1_0.grid_column,p1_0.grid_row,p1_0.note,p1_0.status,p1_0.version from plot p1_0 where p1_0.id=:plot_id for no key update of p1_0;
select we1_0.id,we1_0.community_id,we1_0.end_reason,we1_0.ended_at,we1_0.farm_id,we1_0.household_id,we1_0.joined_at,we1_0.resident_id,we1_0.sort_key,we1_0.status,we1_0.version from waitlist_entry we1_0 where we1_0.farm_id=:p_farm_id and we1_0.status='WAITING' order by we1_0.sort_key,we1_0.joined_at,we1_0.id;
\set v3 :p_version + 2
update plot set area_m2=:p_area_m2,code=:p_code,community_id=:p_community_id,created_at=:p_created_at,farm_id=:p_farm_id,grid_column=:p_grid_column,grid_row=:p_grid_row,note=null,status='AVAILABLE',version=:v3 where id=:plot_id and version=:v1;
COMMIT;
