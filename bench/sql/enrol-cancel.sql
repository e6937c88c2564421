-- Item 1, pgbench -M prepared on bailian_activity: the statements activity-service sends for
-- POST /activities/{id}/enrollments and then POST /enrollments/{id}/cancel, as PostgreSQL logged them, one
-- transaction per request. Client n enrols its own resident (bench.participant), as the wrk client n does. The
-- activity's confirmed/waitlisted counters are kept by the migration's trigger, here as there.
select activity_id, resident_id from bench.participant where client = :client_id \gset
select gen_random_uuid() as enrollment_id, gen_random_uuid() as event_id, gen_random_uuid() as event2_id,
       upper(substr(md5(random()::text), 1, 8)) as code \gset

-- POST /activities/{id}/enrollments
BEGIN;
select a1_0.id,a1_0.cancelled_at,a1_0.capacity,a1_0.category,a1_0.community_id,a1_0.confirmed_count,a1_0.created_at,a1_0.description,a1_0.enrollment_closes_at,a1_0.enrollment_opens_at,a1_0.fee_fen,a1_0.first_session_starts_at,a1_0.last_session_starts_at,a1_0.max_age,a1_0.min_age,a1_0.model,a1_0.parent_child,a1_0.provider_organization_id,a1_0.published_at,a1_0.status,a1_0.title,a1_0.version,a1_0.waitlisted_count from activity a1_0 where a1_0.id=:activity_id \gset a_
select r1_0.id,r1_0.birth_date,r1_0.community_id,r1_0.display_name,r1_0.household_id,r1_0.status,r1_0.updated_at from resident r1_0 where r1_0.id=:resident_id;
select a1_0.id,a1_0.cancelled_at,a1_0.capacity,a1_0.category,a1_0.community_id,a1_0.confirmed_count,a1_0.created_at,a1_0.description,a1_0.enrollment_closes_at,a1_0.enrollment_opens_at,a1_0.fee_fen,a1_0.first_session_starts_at,a1_0.last_session_starts_at,a1_0.max_age,a1_0.min_age,a1_0.model,a1_0.parent_child,a1_0.provider_organization_id,a1_0.published_at,a1_0.status,a1_0.title,a1_0.version,a1_0.waitlisted_count from activity a1_0 where a1_0.id=:activity_id for no key update of a1_0;
select count(*) from enrollment e1_0 where e1_0.activity_id=:activity_id and e1_0.participant_id=:resident_id and e1_0.status in ('CONFIRMED','WAITLISTED');
select count(*) from enrollment e1_0 where e1_0.activity_id=:activity_id and e1_0.check_in_code=:code;
insert into enrollment (activity_id,cancel_reason,cancelled_at,check_in_code,community_id,confirmed_at,enrolled_at,enrolled_by,guardian_id,participant_id,promoted_at,status,version,waitlist_position,id) values (:activity_id,null,null,:code,:a_community_id,now(),now(),'bench-staff',null,:resident_id,null,'CONFIRMED',0,null,:enrollment_id);
insert into outbox_event (event_id, topic, aggregate_id, event_type, payload)
	values (cast(:event_id as uuid), 'bailian.activity.events', :enrollment_id, 'cn.bailian.activity.enrollment.confirmed.v1',
	format('{"specversion":"1.0","id":"%s","source":"/bailian/activity-service","type":"cn.bailian.activity.enrollment.confirmed.v1","subject":"%s","time":"%s","datacontenttype":"application/json","data":{"enrollmentId":"%s","activityId":"%s","communityId":"%s","participantId":"%s","guardianId": null,"status":"CONFIRMED","waitlistPosition": null}}',
	       :event_id::text, :enrollment_id::text, to_json(now()) #>> '{}', :enrollment_id::text, :activity_id::text, :a_community_id::text, :resident_id::text));
COMMIT;

-- POST /enrollments/{id}/cancel
BEGIN;
select e1_0.id,e1_0.activity_id,e1_0.cancel_reason,e1_0.cancelled_at,e1_0.check_in_code,e1_0.community_id,e1_0.confirmed_at,e1_0.enrolled_at,e1_0.enrolled_by,e1_0.guardian_id,e1_0.participant_id,e1_0.promoted_at,e1_0.status,e1_0.version,e1_0.waitlist_position from enrollment e1_0 where e1_0.id=:enrollment_id;
select a1_0.id,a1_0.cancelled_at,a1_0.capacity,a1_0.category,a1_0.community_id,a1_0.confirmed_count,a1_0.created_at,a1_0.description,a1_0.enrollment_closes_at,a1_0.enrollment_opens_at,a1_0.fee_fen,a1_0.first_session_starts_at,a1_0.last_session_starts_at,a1_0.max_age,a1_0.min_age,a1_0.model,a1_0.parent_child,a1_0.provider_organization_id,a1_0.published_at,a1_0.status,a1_0.title,a1_0.version,a1_0.waitlisted_count from activity a1_0 where a1_0.id=:activity_id for no key update of a1_0;
select e1_0.id,e1_0.activity_id,e1_0.cancel_reason,e1_0.cancelled_at,e1_0.check_in_code,e1_0.community_id,e1_0.confirmed_at,e1_0.enrolled_at,e1_0.enrolled_by,e1_0.guardian_id,e1_0.participant_id,e1_0.promoted_at,e1_0.status,e1_0.version,e1_0.waitlist_position from enrollment e1_0 where e1_0.id=:enrollment_id \gset e_
update enrollment set activity_id=:activity_id,cancel_reason='STAFF',cancelled_at=now(),check_in_code=:code,community_id=:a_community_id,confirmed_at=:e_confirmed_at,enrolled_at=:e_enrolled_at,enrolled_by='bench-staff',guardian_id=null,participant_id=:resident_id,promoted_at=null,status='CANCELLED',version=1,waitlist_position=null where id=:enrollment_id and version=0;
insert into outbox_event (event_id, topic, aggregate_id, event_type, payload)
	values (cast(:event2_id as uuid), 'bailian.activity.events', :enrollment_id, 'cn.bailian.activity.enrollment.cancelled.v1',
	format('{"specversion":"1.0","id":"%s","source":"/bailian/activity-service","type":"cn.bailian.activity.enrollment.cancelled.v1","subject":"%s","time":"%s","datacontenttype":"application/json","data":{"enrollmentId":"%s","activityId":"%s","communityId":"%s","participantId":"%s","guardianId": null,"status":"CANCELLED","waitlistPosition": null}}',
	       :event2_id::text, :enrollment_id::text, to_json(now()) #>> '{}', :enrollment_id::text, :activity_id::text, :a_community_id::text, :resident_id::text));
select e1_0.id,e1_0.activity_id,e1_0.cancel_reason,e1_0.cancelled_at,e1_0.check_in_code,e1_0.community_id,e1_0.confirmed_at,e1_0.enrolled_at,e1_0.enrolled_by,e1_0.guardian_id,e1_0.participant_id,e1_0.promoted_at,e1_0.status,e1_0.version,e1_0.waitlist_position from enrollment e1_0 where e1_0.activity_id=:activity_id and e1_0.status='WAITLISTED' order by e1_0.waitlist_position offset 0 rows fetch first 1 rows only;
COMMIT;
