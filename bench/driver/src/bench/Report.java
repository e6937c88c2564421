package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns results.env into docs/benchmarks.md and prints the summary: every figure as the median of its runs with
 * the spread (lowest–highest), beside the baseline of the same run and the target. bench/analysis.md (the
 * findings, written by people from a run's figures) is included as it is.
 */
final class Report {

    private final Map<String, String> r = new LinkedHashMap<>();
    private final StringBuilder md = new StringBuilder();
    private final StringBuilder summary = new StringBuilder();
    private final Path state;

    private Report(Path results) throws Exception {
        state = results.getParent();
        for (String line : Files.readAllLines(results)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                r.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    static void write(Path results, Path out) throws Exception {
        Report report = new Report(results);
        report.build();
        // the soak's section (bin/bailian soak) is a run of its own: kept at the end, as it was
        Files.writeString(out, report.md.toString() + Soak.section(out));
        System.out.println();
        System.out.print(report.summary);
    }

    // ---------------------------------------------------------------- numbers

    private double[] runs(String prefix) {
        List<Double> values = new ArrayList<>();
        for (int i = 1; r.containsKey(prefix + "_" + i); i++) {
            values.add(Double.parseDouble(r.get(prefix + "_" + i)));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static double[] divide(double[] a, double[] b, double scaleA) {
        double[] q = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < q.length; i++) {
            q[i] = a[i] * scaleA / b[i];
        }
        return q;
    }

    private static double[] scale(double[] a, double by) {
        return Arrays.stream(a).map(x -> x * by).toArray();
    }

    private static String f(double v, int digits) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,." + digits + "f", v);
    }

    private static String spread(double[] v, int digits) {
        return f(median(v), digits) + " (" + f(min(v), digits) + "–" + f(max(v), digits) + ")";
    }

    /** Each path's warm-up before its measured runs: how long, and the JIT compiler's share of the JVM at its end. */
    private void warmUps(List<String> names) {
        if (!r.containsKey(names.get(0) + "_WARMUP_S")) {
            return;
        }
        md.append("\nWarm-up before the measured runs (5-second rounds until the JVM's C2 compiler took under 10 % of its CPU, at most 45 s for a write path and 30 s for a read): ");
        for (String name : names) {
            md.append(name.toLowerCase(Locale.ROOT).replace('_', ' ')).append(' ').append(get(name + "_WARMUP_S")).append(" s (JIT ")
                    .append(get(name + "_WARMUP_JIT_PCT")).append(" %); ");
        }
        md.append("\n");
    }

    private String get(String key) {
        return r.getOrDefault(key, "n/a");
    }

    private static String verdict(boolean ok) {
        return ok ? "**met**" : "**missed**";
    }

    // ---------------------------------------------------------------- the document

    private void build() throws Exception {
        md.append("# Benchmarks\n\n");
        md.append("""
                Written by `bin/bailian bench` (bench/run) from one complete run; do not edit by hand — the findings
                below the figures come from `bench/analysis.md`. Every figure is the median of its runs with the spread
                (lowest–highest) in brackets, next to a baseline measured in the same run on the same machine, because
                these machines are shared and noisy: the ratio is what to compare between runs, not the absolute figure.
                What each measurement does, and why, is in [bench/README.md](../bench/README.md).

                """);
        md.append("## Machine and run\n\n| | |\n|---|---|\n");
        row2("Date", get("MACHINE_DATE"));
        row2("CPU", get("MACHINE_CPU"));
        row2("Cores", get("MACHINE_CORES"));
        row2("Memory", get("MACHINE_MEMORY_MB") + " MB");
        row2("Load average (1, 5, 15 min) before the run", get("MACHINE_LOAD_AT_START"));
        row2("Load average after the run", get("MACHINE_LOAD_AFTER"));
        row2("Java", get("MACHINE_JAVA"));
        row2("PostgreSQL", get("MACHINE_POSTGRES") + " (embedded, fsync on, one server for all four databases and pgbench)");
        row2("Commit", get("MACHINE_GIT"));
        row2("Settings", get("SETTINGS"));
        row2("Elapsed", get("ELAPSED_S") + " s (target: under 20 minutes)" + (r.containsKey("BUILD_S") && !"0".equals(get("BUILD_S"))
                ? ", of which " + get("BUILD_S") + " s building the jars (skipped when they are up to date)" : ""));
        md.append("\n");

        md.append("## Summary\n\n| # | measurement | figure | baseline (same run) | ratio or result | target | |\n|---|---|---|---|---|---|---|\n");
        summary.append(String.format("%-3s %-44s %-34s %-26s %s%n", "#", "measurement", "figure (median, spread)", "target", "verdict"));
        write();
        read();
        events();
        start();
        scale();
        races();
        md.append("\n");
        details();
        Path analysis = Path.of("bench/analysis.md");
        if (Files.exists(analysis)) {
            md.append(Files.readString(analysis));
        }
    }

    private void row2(String a, String b) {
        md.append("| ").append(a).append(" | ").append(b).append(" |\n");
    }

    private void row(String n, String what, String figure, String baseline, String ratio, String target, boolean ok) {
        md.append("| ").append(n).append(" | ").append(what).append(" | ").append(figure).append(" | ").append(baseline)
                .append(" | ").append(ratio).append(" | ").append(target).append(" | ").append(verdict(ok)).append(" |\n");
        summary.append(String.format("%-3s %-44s %-34s %-26s %s%n", n, what, ratio, target, ok ? "met" : "MISSED"));
    }

    private void write() {
        String[][] ops = {{"CLAIM", "claim a plot + release it", "2"}, {"ENROL", "enrol in a session + cancel", "2"},
                {"DONATE", "record a donation", "1"}};
        for (String[] op : ops) {
            double per = 1.0 / Integer.parseInt(op[2]);
            double[] svc = scale(runs("WRITE_" + op[0] + "_SVC_RPS"), per);
            double[] pg = runs("WRITE_" + op[0] + "_PG_TPS");
            if (svc.length == 0) {
                continue;
            }
            double[] ratio = divide(svc, pg, 1);
            double[] p99 = runs("WRITE_" + op[0] + "_SVC_P99_MS");
            double bad = Arrays.stream(runs("WRITE_" + op[0] + "_SVC_5XX")).sum() + Arrays.stream(runs("WRITE_" + op[0] + "_SVC_4XX")).sum();
            boolean ok = median(ratio) >= 0.5 && bad == 0;
            row("1", op[1], spread(svc, 0) + " /s, p99 " + spread(p99, 1) + " ms" + (bad > 0 ? ", " + f(bad, 0) + " errors" : ""),
                    "pgbench " + spread(pg, 0) + " /s", "× " + spread(ratio, 2), "≥ 0.5 × pgbench", ok);
        }
    }

    private void read() {
        String[][] reads = {{"PLOT_MAP", "public plot map (24 plots)"}, {"ACTIVITY_LIST", "activity list, filtered by age"},
                {"TRANSPARENCY", "transparency report (one month)"}};
        for (String[] read : reads) {
            double[] svc = runs("READ_" + read[0] + "_SVC_RPS");
            double[] constant = runs("READ_" + read[0] + "_CONST_RPS");
            if (svc.length == 0) {
                continue;
            }
            double[] ratio = divide(svc, constant, 1);
            double bad = Arrays.stream(runs("READ_" + read[0] + "_SVC_5XX")).sum() + Arrays.stream(runs("READ_" + read[0] + "_SVC_4XX")).sum();
            row("2", read[1] + ", " + get("READ_BYTES_" + read[0]) + " bytes",
                    spread(svc, 0) + " /s, p99 " + spread(runs("READ_" + read[0] + "_SVC_P99_MS"), 1) + " ms",
                    "constant JSON " + spread(constant, 0) + " /s", "× " + spread(ratio, 2), "≥ 0.5 × constant", median(ratio) >= 0.5 && bad == 0);
        }
    }

    private void events() {
        if (!r.containsKey("EVENT_P99_MS")) {
            return;
        }
        double p99 = Double.parseDouble(get("EVENT_P99_MS"));
        boolean none = "0".equals(get("EVENT_LEFT_BEHIND")) && "0".equals(get("EVENT_MISSING_IN_DB"))
                && "0".equals(get("EVENT_OUTBOX_UNSENT")) && get("EVENT_ON_TOPIC").equals(get("EVENT_CLAIMED"));
        double rate = Double.parseDouble(get("EVENT_ACHIEVED_RATE"));
        row("3", "claim 201 → participation record at " + get("EVENT_RATE") + "/s asked, " + get("EVENT_ACHIEVED_RATE")
                        + "/s achieved, for " + get("EVENT_SECONDS") + " s",
                "p50 " + get("EVENT_P50_MS") + " ms, p99 " + get("EVENT_P99_MS") + " ms, max " + get("EVENT_MAX_MS") + " ms",
                "—", get("EVENT_CLAIMED") + " claims, " + get("EVENT_LEFT_BEHIND") + " left behind",
                "p99 ≤ 100 ms at 100/s, none left behind", p99 <= 100 && none && rate >= 95);
    }

    private void start() {
        double[] plain = runs("START_EMPTY_S");
        if (plain.length == 0) {
            return;
        }
        row("4", "empty Quarkus REST app: java -jar → first 200", spread(plain, 2) + " s, RSS " + get("START_EMPTY_RSS_MB") + " MB",
                "—", "the plain floor", "—", true);
        // the services run with their AppCDS archive: the floor is the empty app started the same way (when measured)
        double[] cds = runs("START_EMPTY_CDS_S");
        boolean sameWay = cds.length > 0;
        double[] floor = sameWay ? cds : plain;
        String floorRss = get(sameWay ? "START_EMPTY_CDS_RSS_MB" : "START_EMPTY_RSS_MB");
        if (sameWay) {
            row("4", "empty Quarkus REST app with its AppCDS archive, as the services run", spread(cds, 2) + " s, RSS " + floorRss + " MB",
                    "—", "the floor", "—", true);
        }
        for (String svc : List.of("RESIDENT", "FARM", "ACTIVITY", "FUND")) {
            double[] t = runs("START_" + svc + "_S");
            if (t.length == 0) {
                continue;
            }
            double ratio = median(t) / median(floor);
            double rss = Double.parseDouble(get("START_" + svc + "_RSS_MB"));
            row("4", svc.toLowerCase(Locale.ROOT) + "-service: java -jar → first 200; RSS after 10,000 requests",
                    spread(t, 2) + " s, RSS " + f(rss, 0) + " MB (peak " + get("START_" + svc + "_HWM_MB") + ")",
                    "empty app " + (sameWay ? "with AppCDS " : "") + f(median(floor), 2) + " s, " + floorRss + " MB"
                            + (sameWay ? " (plain: " + f(median(plain), 2) + " s, " + get("START_EMPTY_RSS_MB") + " MB)" : ""),
                    "× " + f(ratio, 2) + " time" + (sameWay ? " (× " + f(median(t) / median(plain), 2) + " the plain)" : "")
                            + ", " + f(rss, 0) + " MB",
                    "≤ 2 × empty, ≤ 250 MB", ratio <= 2 && rss <= 250);
        }
    }

    /** Item 4's profiles: where each service's start spends its main thread (StartProfile), one column per part. */
    private void startProfiles() {
        List<String> apps = List.of("resident", "farm", "activity", "fund").stream()
                .filter(app -> r.containsKey(StartProfile.key(app, "samples"))).toList();
        if (apps.isEmpty()) {
            return;
        }
        List<String> parts = StartProfile.PARTS.stream().filter(part -> apps.stream()
                .anyMatch(app -> !"0".equals(get(StartProfile.key(app, part))))).toList();
        md.append("\n### 4. Where a start goes (% of the main thread's samples up to the first 200; one more start per service under JFR's 2-ms sampler)\n\n| service | samples | ")
                .append(String.join(" | ", parts)).append(" |\n|---|---|").append("---|".repeat(parts.size())).append('\n');
        for (String app : apps) {
            md.append("| ").append(app).append(" | ").append(get(StartProfile.key(app, "samples")));
            parts.forEach(part -> md.append(" | ").append(get(StartProfile.key(app, part))));
            md.append(" |\n");
        }
    }

    private static final String[][] SCALE_READS = {{"SEARCH", "resident search by name prefix"}, {"STATS", "community stats"},
            {"LEDGER", "ledger page (20 entries)"}, {"REPORT", "transparency report (one month)"}};

    private void scale() {
        if (!r.containsKey("SCALE_1M_SEARCH_P95_MS")) {
            return;
        }
        for (String[] read : SCALE_READS) {
            double p95 = Double.parseDouble(get("SCALE_1M_" + read[0] + "_P95_MS"));
            row("5", read[1] + " at 1M residents / 200k ledger entries",
                    "p95 " + f(p95, 1) + " ms (p50 " + get("SCALE_1M_" + read[0] + "_P50_MS") + ")",
                    "at 10k: p95 " + get("SCALE_10K_" + read[0] + "_P95_MS") + " ms", "—", "p95 ≤ 20 ms", p95 <= 20);
        }
    }

    private void races() {
        if (!r.containsKey("RACE_CLAIM_OK")) {
            return;
        }
        String[][] races = {{"CLAIM", "1,000 parallel claims on 24 plots", "24 winners, 976 × 409 PLOT_NOT_AVAILABLE"},
                {"ENROL", "300 parallel enrollments into 20 places", "20 confirmed, 280 waitlisted at 1..280"},
                {"DISBURSE", "100 parallel disbursements over the balance", "33 paid, 67 × 409 INSUFFICIENT_FUNDS, ledger valid"}};
        for (String[] race : races) {
            boolean ok = "true".equals(get("RACE_" + race[0] + "_OK"));
            String fiveXx = get("RACE_" + race[0] + "_5XX");
            row("6", race[1], spread(runs("RACE_" + race[0] + "_MS"), 0) + " ms", "—",
                    race[2] + ": " + (ok ? "every round" : "NOT every round") + "; 5xx: " + fiveXx,
                    "correct every time, no 5xx", ok && "0".equals(fiveXx));
        }
    }

    // ---------------------------------------------------------------- details

    private void details() throws Exception {
        md.append("## Details\n\n");
        if (r.containsKey("SQL_STATEMENTS_CLAIM")) {
            md.append("### 1. What the write requests run\n\n");
            md.append("Statements per request in PostgreSQL's statement log (captured in the run, `log_statement = all` for one request each; ")
                    .append("the pgbench scripts in `bench/sql/` are these statements): claim ").append(get("SQL_STATEMENTS_CLAIM"))
                    .append(", release ").append(get("SQL_STATEMENTS_RELEASE")).append(", enrol ").append(get("SQL_STATEMENTS_ENROL"))
                    .append(", cancel ").append(get("SQL_STATEMENTS_CANCEL")).append(", donation ").append(get("SQL_STATEMENTS_DONATE"))
                    .append(" (BEGIN and COMMIT included).\n\n");
            md.append("| run | claim+release svc /s | pgbench /s | enrol+cancel svc /s | pgbench /s | donation svc /s | pgbench /s |\n|---|---|---|---|---|---|---|\n");
            double[][] cols = {scale(runs("WRITE_CLAIM_SVC_RPS"), 0.5), runs("WRITE_CLAIM_PG_TPS"), scale(runs("WRITE_ENROL_SVC_RPS"), 0.5),
                    runs("WRITE_ENROL_PG_TPS"), runs("WRITE_DONATE_SVC_RPS"), runs("WRITE_DONATE_PG_TPS")};
            perRun(cols);
            md.append("\nCPU time the service's JVM spent per request (median of the runs, from /proc): claim or release ")
                    .append(f(median(runs("WRITE_CLAIM_SVC_CPU_MS_PER_REQ")), 2)).append(" ms, enrol or cancel ")
                    .append(f(median(runs("WRITE_ENROL_SVC_CPU_MS_PER_REQ")), 2)).append(" ms, donation ")
                    .append(f(median(runs("WRITE_DONATE_SVC_CPU_MS_PER_REQ")), 2)).append(" ms; of which its JIT compiler: ")
                    .append(f(median(runs("WRITE_CLAIM_SVC_JIT_MS_PER_REQ")), 2)).append(", ")
                    .append(f(median(runs("WRITE_ENROL_SVC_JIT_MS_PER_REQ")), 2)).append(", ")
                    .append(f(median(runs("WRITE_DONATE_SVC_JIT_MS_PER_REQ")), 2)).append(" ms.\n");
            warmUps(List.of("WRITE_CLAIM_SVC", "WRITE_ENROL_SVC", "WRITE_DONATE_SVC"));
        }
        if (r.containsKey("READ_PLOT_MAP_SVC_RPS_1")) {
            md.append("\n### 2. Read path per run\n\n| run | plot map /s | constant /s | activity list /s | constant /s | transparency /s | constant /s |\n|---|---|---|---|---|---|---|\n");
            perRun(new double[][]{runs("READ_PLOT_MAP_SVC_RPS"), runs("READ_PLOT_MAP_CONST_RPS"), runs("READ_ACTIVITY_LIST_SVC_RPS"),
                    runs("READ_ACTIVITY_LIST_CONST_RPS"), runs("READ_TRANSPARENCY_SVC_RPS"), runs("READ_TRANSPARENCY_CONST_RPS")});
            md.append("\nCPU time per request of the serving JVM (median, ms): ");
            for (String read : List.of("PLOT_MAP", "ACTIVITY_LIST", "TRANSPARENCY")) {
                md.append(read.toLowerCase(Locale.ROOT).replace('_', ' ')).append(" ").append(f(median(runs("READ_" + read + "_SVC_CPU_MS_PER_REQ")), 2))
                        .append(" (constant ").append(f(median(runs("READ_" + read + "_CONST_CPU_MS_PER_REQ")), 3)).append("); ");
            }
            md.append("\n");
            warmUps(List.of("READ_PLOT_MAP_SVC", "READ_PLOT_MAP_CONST", "READ_ACTIVITY_LIST_SVC", "READ_ACTIVITY_LIST_CONST",
                    "READ_TRANSPARENCY_SVC", "READ_TRANSPARENCY_CONST"));
        }
        if (r.containsKey("EVENT_P99_MS")) {
            md.append("\n### 3. Event latency\n\n");
            md.append("Claims scheduled: ").append(get("EVENT_SENT")).append("; answered 201: ").append(get("EVENT_CLAIMED"))
                    .append("; not sent for want of a free plot/household pair: ").append(get("EVENT_SKIPPED"))
                    .append("; other answers: ").append(get("EVENT_ERRORS")).append(" (5xx: ").append(get("EVENT_5XX")).append(").\n")
                    .append("At the end: claims not yet on a participation record after 60 s of waiting: ").append(get("EVENT_LEFT_BEHIND"))
                    .append("; claims of the run missing from resident-service's table: ").append(get("EVENT_MISSING_IN_DB"))
                    .append("; farm-service outbox rows not yet sent: ").append(get("EVENT_OUTBOX_UNSENT"))
                    .append("; plot.claimed events of the run on `bailian.farm.events` (read back with kcat): ").append(get("EVENT_ON_TOPIC"))
                    .append(".\n");
            if (r.containsKey("EVENT_SEGMENT_FARM_P50_MS")) {
                md.append("Where the time goes, per event, from the databases' own timestamps (p50 / p99 ms): in farm-service, the claim's "
                                + "transaction begins → the relay's sending transaction begins ")
                        .append(get("EVENT_SEGMENT_FARM_P50_MS")).append(" / ").append(get("EVENT_SEGMENT_FARM_P99_MS"))
                        .append("; sent, through the broker → resident-service's consumer transaction begins ")
                        .append(get("EVENT_SEGMENT_BROKER_P50_MS")).append(" / ").append(get("EVENT_SEGMENT_BROKER_P99_MS"))
                        .append("; applied and committed → the poller sees it ")
                        .append(get("EVENT_SEGMENT_RESIDENT_P50_MS")).append(" / ").append(get("EVENT_SEGMENT_RESIDENT_P99_MS"))
                        .append(" (").append(get("EVENT_SEGMENT_FARM_N")).append(" events).\n");
            }
            if (r.containsKey("EVENT_MACHINE_BUSY_PCT")) {
                md.append("The machine during the step (% of both cores): busy ").append(get("EVENT_MACHINE_BUSY_PCT"))
                        .append("; farm-service ").append(get("EVENT_CPU_FARM_PCT")).append(", resident-service ").append(get("EVENT_CPU_RESIDENT_PCT"))
                        .append(", activity-service ").append(get("EVENT_CPU_ACTIVITY_PCT")).append(", fund-service ").append(get("EVENT_CPU_FUND_PCT"))
                        .append(", PostgreSQL ").append(get("EVENT_CPU_POSTGRES_PCT")).append(", the broker ").append(get("EVENT_CPU_BROKER_PCT"))
                        .append(" (the rest: the load driver and the system).\n");
            }
            md.append("Events parked as unreadable by any consumer during the whole run: ").append(get("PARKED_EVENTS")).append(".\n");
        }
        if (r.containsKey("START_EMPTY_S_1")) {
            md.append("\n### 4. Start runs (s, hyperfine: one run = `java -jar` until the first 200 of the probe URL)\n\n| app | runs | RSS after 10,000 requests (MB) | peak RSS (MB) |\n|---|---|---|---|\n");
            for (String app : List.of("EMPTY", "EMPTY_CDS", "RESIDENT", "FARM", "ACTIVITY", "FUND")) {
                double[] t = runs("START_" + app + "_S");
                if (t.length == 0) {
                    continue;
                }
                StringBuilder list = new StringBuilder();
                for (double v : t) {
                    list.append(list.isEmpty() ? "" : ", ").append(f(v, 2));
                }
                md.append("| ").append(app.equals("EMPTY_CDS") ? "empty with AppCDS" : app.toLowerCase(Locale.ROOT)).append(" | ").append(list).append(" | ")
                        .append(get("START_" + app + "_RSS_MB")).append(" | ").append(get("START_" + app + "_HWM_MB")).append(" |\n");
            }
            md.append("\n| app | classes loaded at the first 200 | of them from a CDS archive (the JDK's or the app's) | class loading, linking and initialisation (s) |\n|---|---|---|---|\n");
            for (String app : List.of("EMPTY", "EMPTY_CDS", "RESIDENT", "FARM", "ACTIVITY", "FUND")) {
                if (r.containsKey("START_" + app + "_CLASSES")) {
                    md.append("| ").append(app.equals("EMPTY_CDS") ? "empty with AppCDS" : app.toLowerCase(Locale.ROOT)).append(" | ")
                            .append(get("START_" + app + "_CLASSES")).append(" | ").append(get("START_" + app + "_SHARED_CLASSES"))
                            .append(" | ").append(get("START_" + app + "_CLASS_S")).append(" |\n");
                }
            }
            startProfiles();
        }
        if (r.containsKey("SCALE_10K_SEARCH_P95_MS")) {
            md.append("\n### 5. Growth, 10k → 1M residents (500 communities) and 10k → 200k ledger entries (500 funds)\n\n");
            md.append("Sequential requests on the first bulk community and its fund (").append(Scale.SAMPLES)
                    .append(" each after ").append(Scale.WARMUP).append(" to warm up), p50 / p95 / p99 in ms.\n\n");
            md.append("| read | 10k | 100k | 1M |\n|---|---|---|---|\n");
            for (String[] read : SCALE_READS) {
                md.append("| ").append(read[1]);
                for (String label : List.of("10K", "100K", "1M")) {
                    String k = "SCALE_" + label + "_" + read[0];
                    md.append(" | ").append(get(k + "_P50_MS")).append(" / **").append(get(k + "_P95_MS")).append("** / ").append(get(k + "_P99_MS"));
                }
                md.append(" |\n");
            }
            md.append("\nRows loaded per step (residents / ledger entries) and load time: ");
            for (String label : List.of("10K", "100K", "1M")) {
                md.append(get("SCALE_" + label + "_RESIDENTS")).append(" / ").append(get("SCALE_" + label + "_LEDGER")).append(" in ")
                        .append(get("SCALE_" + label + "_LOAD_S")).append(" s (ledger verified: ").append(get("SCALE_" + label + "_LEDGER_VALID")).append("); ");
            }
            md.append("\n\nThe query plans at 10k and at 1M (`EXPLAIN (ANALYZE, BUFFERS)`; the access path and the execution time of each):\n\n");
            for (String label : List.of("10K", "1M")) {
                for (String db : List.of("resident", "fund")) {
                    Path plan = state.resolve("plans/" + db + "-" + label + ".txt");
                    if (Files.exists(plan)) {
                        md.append("<details><summary>").append(db).append(" at ").append(label).append("</summary>\n\n```\n")
                                .append(planDigest(Files.readString(plan))).append("```\n</details>\n\n");
                    }
                }
            }
        }
        if (r.containsKey("RACE_CLAIM_MS_1")) {
            md.append("\n### 6. Races per round (ms from the first request to the last answer)\n\n| round | 1,000 claims | 300 enrollments | 100 disbursements |\n|---|---|---|---|\n");
            perRun(new double[][]{runs("RACE_CLAIM_MS"), runs("RACE_ENROL_MS"), runs("RACE_DISBURSE_MS")});
            md.append("\n5xx over all rounds: claims ").append(get("RACE_CLAIM_5XX")).append(", enrollments ").append(get("RACE_ENROL_5XX"))
                    .append(", disbursements ").append(get("RACE_DISBURSE_5XX")).append(".\n");
        }
        md.append("\n");
    }

    private void perRun(double[][] cols) {
        int n = Arrays.stream(cols).mapToInt(c -> c.length).max().orElse(0);
        for (int i = 0; i < n; i++) {
            md.append("| ").append(i + 1);
            for (double[] c : cols) {
                md.append(" | ").append(i < c.length ? f(c[i], 0) : "");
            }
            md.append(" |\n");
        }
    }

    private static final Pattern KEEP = Pattern.compile("^(###|.*(Scan|Sort|Aggregate|Join|Nested Loop|Limit|SubPlan|Execution Time|Index Cond|Buffers: shared).*)");

    /** The plan lines that say why: the headings, access paths, index conditions, buffers and execution times. */
    static String planDigest(String plan) {
        StringBuilder out = new StringBuilder();
        for (String line : plan.split("\n")) {
            Matcher m = KEEP.matcher(line);
            if (m.find()) {
                out.append(line.replaceAll("\\s+$", "")).append('\n');
            }
        }
        return out.toString();
    }
}
