package cn.bailian.fund.transparency;

import java.util.List;

/**
 * The report as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Chinese), one section per
 * table, cells that could be read as formulas defused.
 */
final class TransparencyCsv {

    private TransparencyCsv() {}

    static String write(TransparencyReport r) {
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, "基金 fund", r.fundName());
        row(out, "月份 month", r.month());
        row(out, "币种 currency", r.currency());
        row(out, "期初余额(分) openingBalanceFen", Long.toString(r.openingBalanceFen()));
        row(out, "捐赠收入(分) donationsFen", Long.toString(r.donationsFen()));
        row(out, "退款(分) refundsFen", Long.toString(r.refundsFen()));
        row(out, "项目支出(分) spendingFen", Long.toString(r.spendingFen()));
        row(out, "期末余额(分) closingBalanceFen", Long.toString(r.closingBalanceFen()));
        buckets(out, "按渠道捐赠 donationsByChannel", r.donationsByChannel());
        buckets(out, "按捐赠人类型 donationsByDonorKind", r.donationsByDonorKind());
        out.append("\r\n");
        row(out, "按项目支出 spendingByProject");
        row(out, "projectId", "title", "type", "count", "amountFen");
        for (TransparencyReport.ProjectSpending p : r.spendingByProject()) {
            row(
                    out,
                    p.projectId().toString(),
                    p.title(),
                    p.type().name(),
                    Long.toString(p.count()),
                    Long.toString(p.amountFen()));
        }
        buckets(out, "按类型支出 spendingByType", r.spendingByType());
        out.append("\r\n");
        row(out, "捐赠明细 donations");
        // a page of the month's donations, as in the JSON (page, size): say which, and how many there are in all
        row(
                out,
                "donationCount",
                Long.toString(r.donationCount()),
                "donationsPage",
                Integer.toString(r.donationsPage()),
                "donationsSize",
                Integer.toString(r.donationsSize()));
        row(out, "receiptNumber", "receivedAt", "donor", "donorKind", "channel", "amountFen", "projectTitle");
        for (TransparencyReport.PublicDonation d : r.donations()) {
            row(
                    out,
                    d.receiptNumber(),
                    d.receivedAt().toString(),
                    d.donor(),
                    d.donorKind().name(),
                    d.channel().name(),
                    Long.toString(d.amountFen()),
                    d.projectTitle() == null ? "" : d.projectTitle());
        }
        return out.toString();
    }

    private static void buckets(StringBuilder out, String title, List<TransparencyReport.Bucket> buckets) {
        out.append("\r\n");
        row(out, title);
        row(out, "key", "count", "amountFen");
        for (TransparencyReport.Bucket b : buckets) {
            row(out, b.key(), Long.toString(b.count()), Long.toString(b.amountFen()));
        }
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
