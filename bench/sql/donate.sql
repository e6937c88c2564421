-- Item 1, pgbench -M prepared on bailian_fund (-D fund=ID -D donor=ID -D run=TAG): the statements fund-service
-- sends for POST /funds/{id}/donations, as PostgreSQL logged them, in its one transaction: the fund row lock,
-- the duplicate check on the payment reference, the gapless receipt counter, the donation, the hash-chained ledger
-- entry (SHA-256 over the same canonical text as LedgerHash, computed here in SQL), the transparency report's monthly
-- figures (fund_month_figure), the fund's totals and chain head, the event. (The JDBC driver's one-off catalogue query per connection, also in the log, is left out.)
select gen_random_uuid() as donation_id, gen_random_uuid() as entry_id, gen_random_uuid() as event_id,
       'PGB-' || :run::text || '-' || :client_id::text || '-' || gen_random_uuid() as reference,
       -- (pgbench reads a colon and a name inside a literal as a variable; the service binds these as parameters too)
       'ASSET' || chr(58) || 'FUND' as asset, 'INCOME' || chr(58) || 'DONATIONS' as income \gset

BEGIN;
select f1_0.id,f1_0.balance_fen,f1_0.community_id,f1_0.created_at,f1_0.created_by,f1_0.disbursed_fen,f1_0.donated_fen,f1_0.kind,f1_0.ledger_hash,f1_0.ledger_seq,f1_0.name,f1_0.refunded_fen,f1_0.version from fund f1_0 where f1_0.id=:fund;
select community_id, display_name, status from known_resident where resident_id = :donor \gset k_
select f1_0.id,f1_0.balance_fen,f1_0.community_id,f1_0.created_at,f1_0.created_by,f1_0.disbursed_fen,f1_0.donated_fen,f1_0.kind,f1_0.ledger_hash,f1_0.ledger_seq,f1_0.name,f1_0.refunded_fen,f1_0.version from fund f1_0 where f1_0.id=:fund for no key update of f1_0 \gset f_
select d1_0.id,d1_0.amount_fen,d1_0.anonymous,d1_0.channel,d1_0.community_id,d1_0.display_name,d1_0.donor_id,d1_0.donor_kind,d1_0.fund_id,d1_0.payment_reference,d1_0.project_id,d1_0.receipt_number,d1_0.receipt_seq,d1_0.receipt_year,d1_0.received_at,d1_0.recorded_by,d1_0.refunded_fen,d1_0.version from donation d1_0 where d1_0.fund_id=:fund and d1_0.payment_reference=:reference fetch first 1 rows only;
insert into receipt_counter (fund_id, year, last_seq) values (:fund, extract(year from now() at time zone 'Asia/Shanghai')::int, 1)
	on conflict (fund_id, year) do update set last_seq = receipt_counter.last_seq + 1
	returning last_seq, clock_timestamp() as at, extract(year from now() at time zone 'Asia/Shanghai')::int as year \gset
insert into donation (amount_fen,anonymous,channel,community_id,display_name,donor_id,donor_kind,fund_id,payment_reference,project_id,receipt_number,receipt_seq,receipt_year,received_at,recorded_by,refunded_fen,version,id) values (100,false,'WECHAT_PAY',:f_community_id,'王*',:donor,'RESIDENT',:fund,:reference,null,'BL-' || :year::text || '-' || lpad(:last_seq::text, 6, '0'),:last_seq,:year,:at,'bench-staff',0,0,:donation_id);
\set seq :f_ledger_seq + 1
select encode(sha256(convert_to(concat_ws('|', 'v1', :fund::text, :seq::text, (extract(epoch from :at::timestamptz) * 1000000)::bigint::text,
       'DONATION', :asset::text, :income::text, '100', :donation_id::text, '', '', '', :f_ledger_hash::text), 'UTF8')), 'hex') as hash \gset
insert into ledger_entry (amount_fen,credit_account,debit_account,disbursement_id,donation_id,entry_time,fund_id,hash,kind,prev_hash,project_id,refund_id,seq,id) values (100,:income,:asset,null,:donation_id,:at,:fund,:hash,'DONATION',:f_ledger_hash,null,null,:seq,:entry_id);
insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen) values
	(:fund, date_trunc('month', :at::timestamptz at time zone 'Asia/Shanghai')::date, 'ASSET', 'IN', 1, 100),
	(:fund, date_trunc('month', :at::timestamptz at time zone 'Asia/Shanghai')::date, 'CHANNEL', 'WECHAT_PAY', 1, 100),
	(:fund, date_trunc('month', :at::timestamptz at time zone 'Asia/Shanghai')::date, 'DONOR_KIND', 'RESIDENT', 1, 100)
	on conflict (fund_id, month, figure, key) do update set count = fund_month_figure.count + excluded.count, amount_fen = fund_month_figure.amount_fen + excluded.amount_fen;
\set balance :f_balance_fen + 100
\set donated :f_donated_fen + 100
\set version :f_version + 1
update fund set balance_fen=:balance,community_id=:f_community_id,created_at=:f_created_at,created_by=:f_created_by,disbursed_fen=:f_disbursed_fen,donated_fen=:donated,kind=:f_kind,ledger_hash=:hash,ledger_seq=:seq,name=:f_name,refunded_fen=:f_refunded_fen,version=:version where id=:fund and version=:f_version;
insert into outbox_event (event_id, topic, aggregate_id, event_type, payload)
	values (cast(:event_id as uuid), 'bailian.fund.events', :donation_id, 'cn.bailian.fund.donation.received.v1',
	format('{"specversion":"1.0","id":"%s","source":"/bailian/fund-service","type":"cn.bailian.fund.donation.received.v1","subject":"%s","time":"%s","datacontenttype":"application/json","data":{"donationId":"%s","fundId":"%s","communityId":"%s","donorKind":"RESIDENT","donorId":"%s","residentId":"%s","anonymous": false,"displayName":"王*","amountFen":100,"channel":"WECHAT_PAY","projectId": null,"receiptNumber":"BL-%s-%s","receivedAt":"%s"}}',
	       :event_id::text, :donation_id::text, to_json(now()) #>> '{}', :donation_id::text, :fund::text, :f_community_id::text, :donor::text, :donor::text, :year::text, lpad(:last_seq::text, 6, '0'), to_json(:at::timestamptz) #>> '{}'));
COMMIT;
