-- The figures of the monthly transparency report (issue #27), kept up to date in the transaction that books each
-- ledger entry (cn.bailian.fund.transparency.MonthlyFigures), so the report reads a handful of rows instead of
-- summing the month's donations, refunds and disbursements and the fund's whole ledger on every read.
--
-- One row per fund, month (Asia/Shanghai, as the report's months are) and figure:
--   ASSET        IN / OUT      money into and out of the fund (the opening and closing balances are their sums)
--   CHANNEL      the channel   donations by channel
--   DONOR_KIND   the kind      donations by donor kind, ANONYMOUS for every anonymous donation
--   REFUND       ''            refunds
--   TYPE         project type  disbursements by project type
--   PROJECT      project id    disbursements by project
-- Bookings add to a row with INSERT … ON CONFLICT DO UPDATE, so parallel bookings never lose an increment.
create table fund_month_figure (
    fund_id    uuid   not null references fund (id),
    month      date   not null check (extract(day from month) = 1),
    figure     text   not null check (figure in ('ASSET', 'CHANNEL', 'DONOR_KIND', 'REFUND', 'TYPE', 'PROJECT')),
    key        text   not null,
    count      bigint not null check (count >= 0),
    amount_fen bigint not null check (amount_fen >= 0),
    primary key (fund_id, month, figure, key)
);

-- Backfill from what was booked before this table existed (the same sums the report used to compute).
insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen)
select fund_id, date_trunc('month', entry_time at time zone 'Asia/Shanghai')::date, 'ASSET',
       case when debit_account = 'ASSET:FUND' then 'IN' else 'OUT' end, count(*), sum(amount_fen)
from ledger_entry where debit_account = 'ASSET:FUND' or credit_account = 'ASSET:FUND'
group by 1, 2, 4;

insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen)
select fund_id, date_trunc('month', received_at at time zone 'Asia/Shanghai')::date, 'CHANNEL', channel, count(*), sum(amount_fen)
from donation group by 1, 2, 4;

insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen)
select fund_id, date_trunc('month', received_at at time zone 'Asia/Shanghai')::date, 'DONOR_KIND',
       case when anonymous then 'ANONYMOUS' else donor_kind end, count(*), sum(amount_fen)
from donation group by 1, 2, 4;

insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen)
select fund_id, date_trunc('month', refunded_at at time zone 'Asia/Shanghai')::date, 'REFUND', '', count(*), sum(amount_fen)
from refund group by 1, 2;

insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen)
select d.fund_id, date_trunc('month', d.disbursed_at at time zone 'Asia/Shanghai')::date, 'TYPE', p.type, count(*), sum(d.amount_fen)
from disbursement d join project p on p.id = d.project_id group by 1, 2, 4;

insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen)
select fund_id, date_trunc('month', disbursed_at at time zone 'Asia/Shanghai')::date, 'PROJECT', project_id::text, count(*), sum(amount_fen)
from disbursement group by 1, 2, 4;
