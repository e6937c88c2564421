-- Item 5: the plans of fund-service's reads at the loaded size (psql -v fund=ID), the statements as Hibernate,
-- Ledger and TransparencyService send them.
\set ON_ERROR_STOP on
\pset pager off
\echo '### ledger page: page 10 of 20 entries, and the total'
explain (analyze, buffers, costs off)
select * from ledger_entry le1_0 where le1_0.fund_id = :'fund' order by le1_0.seq offset 200 rows fetch first 20 rows only;
explain (analyze, buffers, costs off)
select count(*) from ledger_entry le1_0 where le1_0.fund_id = :'fund';
\echo '### transparency report for 2026-06: opening balance and the month's figures (fund_month_figure), the donations listed'
explain (analyze, buffers, costs off)
select coalesce(sum(case when key = 'IN' then amount_fen else -amount_fen end), 0)
from fund_month_figure where fund_id = :'fund' and figure = 'ASSET' and month < date '2026-06-01';
explain (analyze, buffers, costs off)
select figure, key, count, amount_fen from fund_month_figure
where fund_id = :'fund' and month = date '2026-06-01' and figure in ('CHANNEL', 'DONOR_KIND', 'TYPE', 'REFUND') order by figure, key;
explain (analyze, buffers, costs off)
select d.receipt_number, d.received_at, d.display_name, d.donor_kind, d.anonymous, d.channel, d.amount_fen, p.title
from donation d left join project p on p.id = d.project_id
where d.fund_id = :'fund' and d.received_at >= timestamptz '2026-06-01 00:00+08' and d.received_at < timestamptz '2026-07-01 00:00+08'
order by d.received_at, d.receipt_number;
