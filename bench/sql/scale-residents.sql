-- Item 5: residents number :from up to (not including) :to, two to a household (the head, then a spouse), spread
-- round-robin over the 500 communities and their compounds, in the shape resident-service writes them: phone
-- numbers sealed with the dev key (bench.phone, made by the driver), no ID-card number, names from 50 surnames.
-- Run with psql -v from=N -v to=M; :from and :to even. Foreign keys are consistent by construction; their
-- per-row checks are skipped (session_replication_role) to load in seconds, not minutes. That also skips the trigger
-- resident_compound, so compound_id is written here as the trigger would: the compound of the resident's household.
\set ON_ERROR_STOP on
set session_replication_role = replica;
insert into household (id, community_id, compound_id, building, unit, room, created_at, version)
select md5('bench-household-' || h)::uuid, c.id, p.id, ((h / 2500) % 20 + 1)::text, '1', (h / 50000 + 101)::text || '-' || ((h / 2500) / 20)::text, now(), 0
from generate_series(:from / 2, :to / 2 - 1) h
join bench.scale_community c on c.n = h % 500
join bench.scale_compound p on p.community_n = h % 500 and p.j = (h / 500) % 5;

insert into resident (id, community_id, household_id, compound_id, name, gender, birth_date, phone_cipher, phone_hash,
                      phone_last4, residency_type, relation_to_head, status, created_at, updated_at, version)
select md5('bench-resident-' || k)::uuid, c.id, md5('bench-household-' || (k / 2))::uuid, p.id,
       substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈', k % 50 + 1, 1)
           || substr('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红霞建国志文', (k / 50) % 30 + 1, 1)
           || substr('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红霞建国志文', (k * 7) % 30 + 1, 1),
       case when k % 2 = 0 then 'MALE' else 'FEMALE' end,
       date '1940-01-01' + (k * 37 % 29000),
       ph.cipher, ph.hash, ph.last4,
       case when k % 10 < 7 then 'PERMANENT' else 'FLOATING' end,
       case when k % 2 = 0 then 'SELF' else 'SPOUSE' end,
       'ACTIVE', now(), now(), 0
from generate_series(:from, :to - 1) k
join bench.scale_community c on c.n = (k / 2) % 500
join bench.scale_compound p on p.community_n = (k / 2) % 500 and p.j = (k / 2 / 500) % 5
join bench.phone ph on ph.n = k % 1000;
-- vacuum as well as analyze: what autovacuum does within a minute of a bulk insert (its insert threshold). It sets
-- the visibility map, without which the stats' counts and the search's total could not be index-only and would
-- visit one heap page per resident; measuring at once after the load would measure that transient state.
vacuum (analyze) household;
vacuum (analyze) resident;
-- the loader's own check that compound_id is the household's (the measured community)
do $$
begin
    if exists (select from resident r join household h on h.id = r.household_id
               where r.community_id = (select id from bench.scale_community where n = 0) and r.compound_id <> h.compound_id) then
        raise exception 'bench: resident.compound_id differs from its household''s';
    end if;
end $$;
