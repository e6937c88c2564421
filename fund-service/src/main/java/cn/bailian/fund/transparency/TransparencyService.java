package cn.bailian.fund.transparency;

import cn.bailian.fund.Money;
import cn.bailian.fund.donation.Donation;
import cn.bailian.fund.fund.Fund;
import cn.bailian.fund.fund.FundService;
import cn.bailian.fund.project.Project;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.time.CommunityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * The figures come from fund_month_figure ({@link MonthlyFigures}, booked with each ledger entry): a few rows for
     * the month and two per earlier month for the balances, whatever the month holds. The month's donations are
     * listed a page at a time (by the index on fund and time), so no answer grows with the month. One read-only transaction at REPEATABLE READ would be stricter;
     * the figures come from rows that only ever grow.
     */
    @Transactional
    public TransparencyReport report(UUID fundId, YearMonth month, PageRequest page) {
        Fund fund = funds.get(fundId);
        Instant start = clock.startOf(month.atDay(1));
        Instant end = clock.startOf(month.plusMonths(1).atDay(1));
        LocalDate first = month.atDay(1);
        long opening = balanceBefore(fundId, first);
        long closing = balanceBefore(fundId, month.plusMonths(1).atDay(1));

        @SuppressWarnings("unchecked")
        List<Object[]> figures = em.createNativeQuery("""
                        select figure, key, count, amount_fen from fund_month_figure
                        where fund_id = ?1 and month = ?2 and figure in (?3, ?4, ?5, ?6) order by figure, key""")
                .setParameter(1, fundId)
                .setParameter(2, first)
                .setParameter(3, MonthlyFigures.CHANNEL)
                .setParameter(4, MonthlyFigures.DONOR_KIND)
                .setParameter(5, MonthlyFigures.TYPE)
                .setParameter(6, MonthlyFigures.REFUND)
                .getResultList();
        List<TransparencyReport.Bucket> byChannel = buckets(figures, MonthlyFigures.CHANNEL);
        List<TransparencyReport.Bucket> byKind = buckets(figures, MonthlyFigures.DONOR_KIND);
        List<TransparencyReport.Bucket> byType = buckets(figures, MonthlyFigures.TYPE);
        long refunds = buckets(figures, MonthlyFigures.REFUND).stream()
                .mapToLong(TransparencyReport.Bucket::amountFen)
                .sum();
        @SuppressWarnings("unchecked")
        List<Object[]> projectRows = em.createNativeQuery("""
                        select p.id, p.title, p.type, f.count, f.amount_fen from fund_month_figure f
                        join project p on p.id = cast(f.key as uuid)
                        where f.fund_id = ?1 and f.month = ?2 and f.figure = ?3
                        order by f.amount_fen desc, p.title""")
                .setParameter(1, fundId)
                .setParameter(2, first)
                .setParameter(3, MonthlyFigures.PROJECT)
                .getResultList();
        List<TransparencyReport.ProjectSpending> byProject = projectRows.stream()
                .map(r -> new TransparencyReport.ProjectSpending(
                        (UUID) r[0],
                        (String) r[1],
                        Project.Type.valueOf((String) r[2]),
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue()))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> donationRows = em.createNativeQuery("""
                        select d.receipt_number, d.received_at, d.display_name, d.donor_kind, d.anonymous, d.channel, d.amount_fen, p.title
                        from donation d left join project p on p.id = d.project_id
                        where d.fund_id = ?1 and d.received_at >= ?2 and d.received_at < ?3
                        order by d.received_at, d.receipt_number""")
                .setParameter(1, fundId)
                .setParameter(2, start)
                .setParameter(3, end)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        List<TransparencyReport.PublicDonation> donations = donationRows.stream()
                .map(r -> {
                    boolean anonymous = (Boolean) r[4];
                    return new TransparencyReport.PublicDonation(
                            (String) r[0],
                            Money.view(instant(r[1])),
                            anonymous ? "匿名" : (String) r[2],
                            anonymous ? Donation.DonorKind.ANONYMOUS : Donation.DonorKind.valueOf((String) r[3]),
                            Donation.Channel.valueOf((String) r[5]),
                            ((Number) r[6]).longValue(),
                            (String) r[7]);
                })
                .toList();
        long donated = byChannel.stream()
                .mapToLong(TransparencyReport.Bucket::amountFen)
                .sum();
        long donationCount =
                byChannel.stream().mapToLong(TransparencyReport.Bucket::count).sum();
        long spent =
                byType.stream().mapToLong(TransparencyReport.Bucket::amountFen).sum();
        return new TransparencyReport(
                fund.id,
                fund.name,
                fund.communityId,
                month.toString(),
                Money.CURRENCY,
                Money.view(start),
                Money.view(end),
                opening,
                closing,
                donated,
                refunds,
                spent,
                byChannel,
                byKind,
                byProject,
                byType,
                donations,
                donationCount,
                page.page(),
                page.size());
    }

    /** The fund's money before the first day of a month: what came in less what went out in the months before. */
    private long balanceBefore(UUID fundId, LocalDate month) {
        Number sum = (Number) em.createNativeQuery("""
                        select coalesce(sum(case when key = 'IN' then amount_fen else -amount_fen end), 0)
                        from fund_month_figure where fund_id = ?1 and figure = ?2 and month < ?3""")
                .setParameter(1, fundId)
                .setParameter(2, MonthlyFigures.ASSET)
                .setParameter(3, month)
                .getSingleResult();
        return sum.longValue();
    }

    /** One figure's rows, in the order they were read (by key). */
    private static List<TransparencyReport.Bucket> buckets(List<Object[]> figures, String figure) {
        return figures.stream()
                .filter(r -> figure.equals(r[0]))
                .map(r -> new TransparencyReport.Bucket(
                        (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue()))
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
