package cn.bailian.fund.transparency;

import cn.bailian.fund.Money;
import cn.bailian.fund.donation.Donation;
import cn.bailian.fund.fund.Fund;
import cn.bailian.fund.fund.FundService;
import cn.bailian.fund.ledger.Ledger;
import cn.bailian.fund.project.Project;
import cn.bailian.kit.time.CommunityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TransparencyService {

    @Inject
    FundService funds;
    @Inject
    EntityManager em;
    @Inject
    CommunityClock clock;

    /** One read-only transaction at REPEATABLE READ would be stricter; the figures come from append-only rows. */
    @Transactional
    public TransparencyReport report(UUID fundId, YearMonth month) {
        Fund fund = funds.get(fundId);
        Instant start = clock.startOf(month.atDay(1));
        Instant end = clock.startOf(month.plusMonths(1).atDay(1));
        long opening = balanceBefore(fundId, start);
        long closing = balanceBefore(fundId, end);

        List<TransparencyReport.Bucket> byChannel = buckets("""
                select channel, count(*), coalesce(sum(amount_fen), 0) from donation
                where fund_id = ?1 and received_at >= ?2 and received_at < ?3 group by channel order by channel""", fundId, start, end);
        List<TransparencyReport.Bucket> byKind = buckets("""
                select case when anonymous then 'ANONYMOUS' else donor_kind end, count(*), coalesce(sum(amount_fen), 0) from donation
                where fund_id = ?1 and received_at >= ?2 and received_at < ?3 group by 1 order by 1""", fundId, start, end);
        List<TransparencyReport.Bucket> byType = buckets("""
                select p.type, count(*), coalesce(sum(d.amount_fen), 0) from disbursement d join project p on p.id = d.project_id
                where d.fund_id = ?1 and d.disbursed_at >= ?2 and d.disbursed_at < ?3 group by p.type order by p.type""", fundId, start, end);
        @SuppressWarnings("unchecked")
        List<Object[]> projectRows = em.createNativeQuery("""
                        select p.id, p.title, p.type, count(*), coalesce(sum(d.amount_fen), 0) from disbursement d
                        join project p on p.id = d.project_id
                        where d.fund_id = ?1 and d.disbursed_at >= ?2 and d.disbursed_at < ?3
                        group by p.id, p.title, p.type order by sum(d.amount_fen) desc, p.title""")
                .setParameter(1, fundId).setParameter(2, start).setParameter(3, end).getResultList();
        List<TransparencyReport.ProjectSpending> byProject = projectRows.stream()
                .map(r -> new TransparencyReport.ProjectSpending((UUID) r[0], (String) r[1], Project.Type.valueOf((String) r[2]),
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue()))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> donationRows = em.createNativeQuery("""
                        select d.receipt_number, d.received_at, d.display_name, d.donor_kind, d.anonymous, d.channel, d.amount_fen, p.title
                        from donation d left join project p on p.id = d.project_id
                        where d.fund_id = ?1 and d.received_at >= ?2 and d.received_at < ?3
                        order by d.received_at, d.receipt_number""")
                .setParameter(1, fundId).setParameter(2, start).setParameter(3, end).getResultList();
        List<TransparencyReport.PublicDonation> donations = donationRows.stream()
                .map(r -> {
                    boolean anonymous = (Boolean) r[4];
                    return new TransparencyReport.PublicDonation((String) r[0], Money.view(instant(r[1])),
                            anonymous ? "匿名" : (String) r[2],
                            anonymous ? Donation.DonorKind.ANONYMOUS : Donation.DonorKind.valueOf((String) r[3]),
                            Donation.Channel.valueOf((String) r[5]), ((Number) r[6]).longValue(), (String) r[7]);
                })
                .toList();
        long refunds = ((Number) em.createNativeQuery("""
                        select coalesce(sum(amount_fen), 0) from refund where fund_id = ?1 and refunded_at >= ?2 and refunded_at < ?3""")
                .setParameter(1, fundId).setParameter(2, start).setParameter(3, end).getSingleResult()).longValue();
        long donated = byChannel.stream().mapToLong(TransparencyReport.Bucket::amountFen).sum();
        long spent = byType.stream().mapToLong(TransparencyReport.Bucket::amountFen).sum();
        return new TransparencyReport(fund.id, fund.name, fund.communityId, month.toString(), Money.CURRENCY,
                Money.view(start), Money.view(end), opening, closing, donated, refunds, spent,
                byChannel, byKind, byProject, byType, donations);
    }

    /** The fund's money before an instant, summed from the ledger's asset side. */
    private long balanceBefore(UUID fundId, Instant before) {
        Number sum = (Number) em.createNativeQuery("""
                        select coalesce(sum(case when debit_account = ?3 then amount_fen else -amount_fen end), 0)
                        from ledger_entry where fund_id = ?1 and entry_time < ?2 and (debit_account = ?3 or credit_account = ?3)""")
                .setParameter(1, fundId).setParameter(2, before).setParameter(3, Ledger.ASSET)
                .getSingleResult();
        return sum.longValue();
    }

    private List<TransparencyReport.Bucket> buckets(String sql, UUID fundId, Instant start, Instant end) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter(1, fundId).setParameter(2, start).setParameter(3, end).getResultList();
        return rows.stream()
                .map(r -> new TransparencyReport.Bucket((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected time value " + value);
    }
}
