package cn.bailian.fund.transparency;

import cn.bailian.fund.donation.Donation;
import cn.bailian.fund.ledger.Ledger;
import cn.bailian.fund.ledger.LedgerEntry;
import cn.bailian.fund.ledger.LedgerEntryBooked;
import cn.bailian.fund.project.Project;
import cn.bailian.kit.time.CommunityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The transparency report's figures per fund and month (table fund_month_figure), added to in the transaction that
 * books each ledger entry, so a report reads a handful of rows whatever the month holds. Each booking adds to its
 * rows with one INSERT … ON CONFLICT DO UPDATE: parallel bookings on one fund (or on its month's rows) add up
 * instead of overwriting each other, and the rows are committed or rolled back with the entry.
 */
@ApplicationScoped
public class MonthlyFigures {

    static final String ASSET = "ASSET";
    static final String CHANNEL = "CHANNEL";
    static final String DONOR_KIND = "DONOR_KIND";
    static final String REFUND = "REFUND";
    static final String TYPE = "TYPE";
    static final String PROJECT = "PROJECT";

    private record Increment(String figure, String key, long amountFen) {}

    @Inject
    EntityManager em;

    @Inject
    CommunityClock clock;

    void booked(@Observes LedgerEntryBooked booked) {
        LedgerEntry entry = booked.entry();
        List<Increment> increments = new ArrayList<>();
        if (entry.debitAccount.equals(Ledger.ASSET)) {
            increments.add(new Increment(ASSET, "IN", entry.amountFen));
        } else if (entry.creditAccount.equals(Ledger.ASSET)) {
            increments.add(new Increment(ASSET, "OUT", entry.amountFen));
        }
        switch (entry.kind) {
            case DONATION -> {
                Donation donation = em.find(Donation.class, entry.donationId);
                increments.add(new Increment(CHANNEL, donation.channel.name(), entry.amountFen));
                increments.add(new Increment(
                        DONOR_KIND,
                        donation.anonymous ? Donation.DonorKind.ANONYMOUS.name() : donation.donorKind.name(),
                        entry.amountFen));
            }
            case REFUND -> increments.add(new Increment(REFUND, "", entry.amountFen));
            case DISBURSEMENT -> {
                Project project = em.find(Project.class, entry.projectId);
                increments.add(new Increment(TYPE, project.type.name(), entry.amountFen));
                increments.add(new Increment(PROJECT, entry.projectId.toString(), entry.amountFen));
            }
        }
        add(entry.fundId, month(entry.entryTime), increments);
    }

    /** The first day of the report month (Asia/Shanghai) an instant belongs to. */
    /** The first day of the community's month an entry was booked in (midnight in Chengdu starts the month). */
    LocalDate month(Instant at) {
        return clock.dateOf(at).withDayOfMonth(1);
    }

    private void add(UUID fundId, LocalDate month, List<Increment> increments) {
        StringBuilder sql = new StringBuilder(
                "insert into fund_month_figure (fund_id, month, figure, key, count, amount_fen) values ");
        for (int i = 0; i < increments.size(); i++) {
            int p = i * 3;
            sql.append(i == 0 ? "" : ", ")
                    .append("(?1, ?2, ?")
                    .append(p + 3)
                    .append(", ?")
                    .append(p + 4)
                    .append(", 1, ?")
                    .append(p + 5)
                    .append(')');
        }
        sql.append(
                " on conflict (fund_id, month, figure, key) do update set count = fund_month_figure.count + excluded.count,"
                        + " amount_fen = fund_month_figure.amount_fen + excluded.amount_fen");
        Query query =
                em.createNativeQuery(sql.toString()).setParameter(1, fundId).setParameter(2, month);
        // it touches this table only: no flush of the booking's other changes (which would write the fund row twice)
        query.unwrap(NativeQuery.class).addSynchronizedQuerySpace("fund_month_figure");
        for (int i = 0; i < increments.size(); i++) {
            Increment inc = increments.get(i);
            query.setParameter(i * 3 + 3, inc.figure())
                    .setParameter(i * 3 + 4, inc.key())
                    .setParameter(i * 3 + 5, inc.amountFen());
        }
        query.executeUpdate();
    }
}
