-- Item 5, once per run, in bailian_resident: 500 communities of 5 compounds each (2 resettlement, 1 institutional,
-- 2 commercial), in the shape resident-service writes them. Ids are md5-derived so bailian_fund can name the same
-- communities. bench.* tables are the loader's own bookkeeping; the service never reads them.
\set ON_ERROR_STOP on
create schema if not exists bench;
create table bench.scale_community (n int primary key, id uuid not null);
insert into bench.scale_community select n, md5('bench-community-' || n)::uuid from generate_series(0, 499) n;
create table bench.scale_compound (community_n int, j int, id uuid not null, primary key (community_n, j));
insert into bench.scale_compound select c, j, md5('bench-compound-' || c || '-' || j)::uuid
from generate_series(0, 499) c, generate_series(0, 4) j;

insert into community (id, name, district, created_at, version)
select id, format('规模社区 %s', lpad(n::text, 4, '0')), '成都市', now(), 0 from bench.scale_community;
insert into compound (id, community_id, name, type, created_at, version)
select p.id, c.id, format('第%s小区', p.j + 1), (array['RESETTLEMENT', 'RESETTLEMENT', 'INSTITUTIONAL', 'COMMERCIAL', 'COMMERCIAL'])[p.j + 1], now(), 0
from bench.scale_compound p join bench.scale_community c on c.n = p.community_n;
