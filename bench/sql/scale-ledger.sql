-- Item 5, in bailian_fund: :entries donations spread evenly over the 500 bulk communities' shared funds (the
-- funds are made on the first run), each with its receipt and its ledger entry, chained exactly as
-- fund-service's Ledger/LedgerHash chain them (SHA-256 over 'v1|fund|seq|epoch-micros|kind|debit|credit|amount|
-- donation|refund|project|disbursement|previous hash'), and the fund rows' totals and chain heads to match, so
-- GET /funds/{id}/ledger/verify says valid. Entries of one fund lie evenly over the 720 days from 2024-12-01 (Beijing time).
-- Each run replaces the previous bulk ledger: the append-only triggers are bypassed (session_replication_role)
-- for the bench's own rows only.
\set ON_ERROR_STOP on
set session_replication_role = replica;
create schema if not exists bench;
create table if not exists bench.scale_fund (n int primary key, id uuid not null, community_id uuid not null);
insert into bench.scale_fund select n, md5('bench-fund-' || n)::uuid, md5('bench-community-' || n)::uuid
from generate_series(0, 499) n on conflict do nothing;
insert into fund (id, community_id, name, kind, created_at, created_by, version)
select id, community_id, format('规模社区 %s 共享基金', lpad(n::text, 4, '0')), 'COMMUNITY', timestamptz '2024-11-30 00:00+08', 'bench', 0
from bench.scale_fund on conflict do nothing;

delete from fund_month_figure where fund_id in (select id from bench.scale_fund);
delete from ledger_entry where fund_id in (select id from bench.scale_fund);
delete from donation where fund_id in (select id from bench.scale_fund);
delete from receipt_counter where fund_id in (select id from bench.scale_fund);

create temporary table src as
select f.id as fund_id, s as seq,
       timestamptz '2024-12-01 00:00+08' + (s - 1) * (interval '720 days' / (:entries / 500)) + f.n * interval '1 second' as at,
       md5('bench-donation-' || f.n || '-' || s)::uuid as donation_id,
       100 * (1 + (f.n * 7 + s * 13) % 500)::bigint as amount_fen,
       (array['CASH', 'WECHAT_PAY', 'BANK_TRANSFER'])[1 + s % 3] as channel,
       s % 3 = 0 as anonymous,
       f.community_id
from bench.scale_fund f, generate_series(1, :entries / 500) s;

insert into donation (id, fund_id, community_id, donor_kind, donor_id, display_name, anonymous, amount_fen, channel,
                      payment_reference, project_id, receipt_year, receipt_seq, receipt_number, received_at, recorded_by, version)
select donation_id, fund_id, community_id, case when anonymous then 'ANONYMOUS' else 'RESIDENT' end,
       case when anonymous then null else md5('bench-resident-' || seq)::uuid end,
       case when anonymous then '匿名' else substr('王李张刘陈杨黄赵吴周', seq % 10 + 1, 1) || '*' end,
       anonymous, amount_fen, channel, 'BULK-' || donation_id, null, y,
       row_number() over (partition by fund_id, y order by seq),
       format('BL-%s-%s', y, lpad((row_number() over (partition by fund_id, y order by seq))::text, 6, '0')),
       at, 'bench', 0
from (select *, extract(year from at at time zone 'Asia/Shanghai')::int as y from src) d;

insert into receipt_counter (fund_id, year, last_seq)
select fund_id, receipt_year, max(receipt_seq) from donation where fund_id in (select id from bench.scale_fund)
group by fund_id, receipt_year;

-- the chain: one pass in order, each hash over the previous one
do $$
declare
    r record;
    prev text := repeat('0', 64);
    fund uuid := null;
    h text;
begin
    for r in select * from src order by fund_id, seq loop
        if fund is distinct from r.fund_id then
            prev := repeat('0', 64);
            fund := r.fund_id;
        end if;
        h := encode(sha256(convert_to(concat_ws('|', 'v1', r.fund_id::text, r.seq::text,
                 (extract(epoch from r.at) * 1000000)::bigint::text, 'DONATION', 'ASSET:FUND', 'INCOME:DONATIONS',
                 r.amount_fen::text, r.donation_id::text, '', '', '', prev), 'UTF8')), 'hex');
        insert into ledger_entry (id, fund_id, seq, entry_time, kind, debit_account, credit_account, amount_fen, donation_id,
                                  prev_hash, hash)
        values (md5('bench-ledger-' || r.donation_id)::uuid, r.fund_id, r.seq, r.at, 'DONATION', 'ASSET:FUND', 'INCOME:DONATIONS',
                r.amount_fen, r.donation_id, prev, h);
        prev := h;
    end loop;
end $$;

update fund f set ledger_seq = t.n, ledger_hash = t.head, donated_fen = t.total, balance_fen = t.total,
                  refunded_fen = 0, disbursed_fen = 0, version = f.version + 1
from (select l.fund_id, count(*) as n, sum(l.amount_fen) as total,
             (array_agg(l.hash order by l.seq desc))[1] as head
      from ledger_entry l where l.fund_id in (select id from bench.scale_fund) group by l.fund_id) t
where f.id = t.fund_id;
-- the transparency report's monthly figures, as fund-service books them with each entry (V2__fund_month_figure.sql)
insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen)
select fund_id, date_trunc('month', entry_time at time zone 'Asia/Shanghai')::date, 'ASSET', 'IN', count(*), sum(amount_fen)
from ledger_entry where fund_id in (select id from bench.scale_fund) group by 1, 2;
insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen)
select fund_id, date_trunc('month', received_at at time zone 'Asia/Shanghai')::date, 'CHANNEL', channel, count(*), sum(amount_fen)
from donation where fund_id in (select id from bench.scale_fund) group by 1, 2, 4;
insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen)
select fund_id, date_trunc('month', received_at at time zone 'Asia/Shanghai')::date, 'DONOR_KIND',
       case when anonymous then 'ANONYMOUS' else donor_kind end, count(*), sum(amount_fen)
from donation where fund_id in (select id from bench.scale_fund) group by 1, 2, 4;
analyze fund_month_figure;
analyze donation;
analyze ledger_entry;
