package bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue #27: the mixed closed-loop load of an operator's busy month on the four services, for MINUTES, with a line
 * per kind and per service every minute and the invariants checked at the end. Started by bench/soak after
 * {@link Setup} (the bench's community, with few event pairs). Eight clients (SOAK_CLIENTS), no pauses; each request
 * is 40 % a public read (plot map, activity list, the month's transparency report, a third each), 15 % a
 * registration, 15 % a claim then its release, 15 % an enrolment then its cancellation, 15 % a donation of 1 yuan to
 * the fund whose report is read.
 * A claim's and an enrolment's second half is the same client's next request of that kind, so nothing is left
 * half-done for longer than one request.
 */
final class Soak {

    static final List<String> KINDS = List.of("plot-map", "activity-list", "transparency", "register", "claim", "release",
            "enrol", "cancel", "donate");
    static final String[] SERVICES = {"resident", "farm", "activity", "fund"};
    private static final long DONATION_FEN = 100;

    /** One kind's answers of one minute (and, in {@link #total}, of the whole run). */
    static final class Tally {
        final List<Long> nanos = new ArrayList<>();
        long errors;
        final List<String> samples = new ArrayList<>();

        synchronized void add(long ns, boolean ok, String what) {
            nanos.add(ns);
            if (!ok) {
                errors++;
                if (samples.size() < 5) {
                    samples.add(what);
                }
            }
        }

        synchronized double p99Ms() {
            return Stats.percentile(Stats.sorted(nanos), 99) / 1e6;
        }
    }

    record ServiceFigures(double rssMb, double heapUsedMb, double liveMb) {
    }

    record Minute(int minute, String load, Map<String, long[]> counts, Map<String, Double> p99, Map<String, ServiceFigures> services) {
    }

    private final Map<String, String> f = Env.facts();
    private final String staff = f.get("STAFF_TOKEN");
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, String> urls = Map.of("resident", Env.RESIDENT, "farm", Env.FARM, "activity", Env.ACTIVITY, "fund", Env.FUND);
    private final Map<String, Tally> total = new LinkedHashMap<>();
    private volatile Map<String, Tally> current = fresh();
    private final AtomicLong donated = new AtomicLong();
    private final AtomicLong registered = new AtomicLong();
    private final AtomicLong phoneSeq = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 10);
    private final List<String> households = new ArrayList<>();
    private volatile boolean stop;

    private Soak() {
        for (String kind : KINDS) {
            total.put(kind, new Tally());
        }
        for (String pair : System.getenv().getOrDefault("SOAK_PIDS", "").split(",")) {
            if (pair.contains("=")) {
                pids.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
        }
    }

    private static Map<String, Tally> fresh() {
        Map<String, Tally> m = new LinkedHashMap<>();
        for (String kind : KINDS) {
            m.put(kind, new Tally());
        }
        return m;
    }

    static void run(int minutes, Path out) throws Exception {
        new Soak().soak(minutes, out);
    }

    private void soak(int minutes, Path out) throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("SOAK_CLIENTS", "8"));
        try (Connection c = Env.db("resident"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from household where community_id = '" + f.get("COMMUNITY") + "' order by id limit 200")) {
            while (rs.next()) {
                households.add(rs.getString(1));
            }
        }
        if (households.isEmpty()) {
            throw new IllegalStateException("no households found for the soak's registrations");
        }
        List<String> claimPairs = Env.lines("write-claims.txt");
        List<String> enrolResidents = Env.lines("write-enrol.txt");
        if (clients > Math.min(claimPairs.size(), enrolResidents.size())) {
            throw new IllegalStateException("at most " + Math.min(claimPairs.size(), enrolResidents.size()) + " clients");
        }
        long fundBalanceBefore = balance(f.get("REPORT_FUND"));
        System.out.printf(Locale.ROOT, "soak: %d clients for %d minutes; load average %s%n", clients, minutes, load());
        System.out.println(header());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String[] pair = claimPairs.get(i).split(" ");
            Client client = new Client(i, pair[0], pair[1], enrolResidents.get(i).strip());
            Thread t = Thread.ofPlatform().name("soak-" + i).start(client::loop);
            threads.add(t);
        }
        List<Minute> rows = new ArrayList<>();
        String loadBefore = load();
        long start = System.nanoTime();
        for (int minute = 1; minute <= minutes; minute++) {
            long until = start + minute * 60_000_000_000L;
            while (System.nanoTime() < until) {
                Thread.sleep(Math.max(1, Math.min(1000, (until - System.nanoTime()) / 1_000_000)));
            }
            Map<String, Tally> done = current;
            current = fresh();
            Minute row = minute(minute, done);
            rows.add(row);
            System.out.println(line(row));
            System.out.flush();
        }
        stop = true;
        for (Thread t : threads) {
            t.join(); // each client ends with its claim released and its enrolment cancelled
        }
        String loadAfter = load();
        System.out.println("soak: load stopped; checking the invariants");
        List<String> checks = new ArrayList<>();
        boolean ok = invariants(checks, fundBalanceBefore);
        String reportCost = donationFundReport();
        checks.add(reportCost);
        Map<String, Double> p99 = new LinkedHashMap<>();
        long requests = 0;
        long errors = 0;
        for (String kind : KINDS) {
            Tally t = total.get(kind);
            p99.put(kind, t.p99Ms());
            requests += t.nanos.size();
            errors += t.errors;
            for (String sample : t.samples) {
                checks.add("error sample (" + kind + "): " + sample);
            }
        }
        String verdict = verdict(rows, p99, errors);
        ok &= errors == 0;
        for (String check : checks) {
            System.out.println("  " + check);
        }
        System.out.println(verdict);
        writeDoc(out, minutes, clients, loadBefore, loadAfter, rows, p99, requests, errors, checks, verdict);
        System.out.println("soak: " + (ok ? "all invariants hold" : "SOME INVARIANTS FAILED") + "; table written to " + out);
        if (!ok) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- the clients

    private final class Client {
        final int n;
        final String plot;
        final String claimant;
        final String participant;
        String claim;
        String enrollment;
        long donations;

        Client(int n, String plot, String claimant, String participant) {
            this.n = n;
            this.plot = plot;
            this.claimant = claimant;
            this.participant = participant;
        }

        void loop() {
            while (!stop) {
                int roll = ThreadLocalRandom.current().nextInt(100);
                try {
                    if (roll < 40) {
                        read(roll % 3);
                    } else if (roll < 55) {
                        register();
                    } else if (roll < 70) {
                        claimOrRelease();
                    } else if (roll < 85) {
                        enrolOrCancel();
                    } else {
                        donate();
                    }
                } catch (RuntimeException e) {
                    current.get("register").add(0, false, "client " + n + ": " + e);
                }
            }
            if (claim != null) {
                claimOrRelease();
            }
            if (enrollment != null) {
                enrolOrCancel();
            }
        }

        void read(int which) {
            String kind = KINDS.get(which);
            String url = Bench.readPaths(f).get(kind.equals("transparency") ? "transparency" : kind);
            record(kind, Http.get(url, null), 200);
        }

        void register() {
            long seq = phoneSeq.incrementAndGet();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", Setup.name((int) (seq % 100_000)));
            body.put("gender", seq % 2 == 0 ? "MALE" : "FEMALE");
            body.put("birthDate", String.format(Locale.ROOT, "%d-%02d-%02d", 1950 + seq % 60, 1 + seq % 12, 1 + seq % 28));
            body.put("phone", String.format(Locale.ROOT, "139%08d", seq % 100_000_000L));
            body.put("residencyType", "PERMANENT");
            body.put("householdId", households.get((int) (seq % households.size())));
            body.put("relationToHead", "OTHER");
            if (record("register", Http.post(Env.RESIDENT + "/api/v1/residents", staff, body), 201)) {
                registered.incrementAndGet();
            }
        }

        void claimOrRelease() {
            if (claim == null) {
                Http.Answer a = Http.post(Env.FARM + "/api/v1/plots/" + plot + "/claims", staff, Map.of("residentId", claimant));
                if (record("claim", a, 201)) {
                    claim = a.text("id");
                }
            } else if (record("release", Http.post(Env.FARM + "/api/v1/claims/" + claim + "/release", staff, null), 200)) {
                claim = null;
            }
        }

        void enrolOrCancel() {
            if (enrollment == null) {
                Http.Answer a = Http.post(Env.ACTIVITY + "/api/v1/activities/" + f.get("ENROL_ACTIVITY") + "/enrollments", staff,
                        Map.of("participantId", participant));
                if (record("enrol", a, 201)) {
                    enrollment = a.text("id");
                }
            } else if (record("cancel", Http.post(Env.ACTIVITY + "/api/v1/enrollments/" + enrollment + "/cancel", staff, null), 200)) {
                enrollment = null;
            }
        }

        void donate() {
            donations++;
            Map<String, Object> body = Map.of("donorKind", "RESIDENT", "donorId", f.get("DONOR"), "amountFen", DONATION_FEN,
                    "channel", "WECHAT_PAY", "paymentReference", "SOAK-" + n + "-" + donations + "-" + UUID.randomUUID());
            if (record("donate", Http.post(Env.FUND + "/api/v1/funds/" + donationFund() + "/donations", staff, body), 201)) {
                donated.incrementAndGet();
            }
        }

        private boolean record(String kind, Http.Answer a, int expected) {
            boolean ok = a.status() == expected;
            String what = ok ? null : "HTTP " + a.status() + " " + (a.raw().length() > 300 ? a.raw().substring(0, 300) : a.raw());
            current.get(kind).add(a.nanos(), ok, what);
            total.get(kind).add(a.nanos(), ok, what);
            return ok;
        }
    }

    /**
     * The fund the donations go to: the one whose month's report is read, as in issue #27 (the report then grows with
     * the load); SOAK_DONATE_TO=donate sends them to the bench's donation fund instead.
     */
    private String donationFund() {
        return "donate".equals(System.getenv("SOAK_DONATE_TO")) ? f.get("DONATE_FUND") : f.get("REPORT_FUND");
    }

    // ---------------------------------------------------------------- the minute's figures

    private Minute minute(int minute, Map<String, Tally> done) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Double> p99 = new LinkedHashMap<>();
        for (String kind : KINDS) {
            Tally t = done.get(kind);
            synchronized (t) {
                counts.put(kind, new long[]{t.nanos.size(), t.errors});
            }
            p99.put(kind, t.p99Ms());
        }
        Map<String, ServiceFigures> services = new LinkedHashMap<>();
        for (String svc : SERVICES) {
            services.put(svc, figures(svc));
        }
        return new Minute(minute, load(), counts, p99, services);
    }

    private ServiceFigures figures(String svc) {
        double rss = Double.NaN;
        Long pid = pids.get(svc);
        if (pid != null && !"0".equals(System.getenv("SOAK_FULL_GC"))) {
            // jvm_gc_live_data_size_bytes is what the last full collection left; the serial collector with its small
            // young generation may not run one for many minutes, so ask for one (jcmd GC.run) to make it current
            try {
                new ProcessBuilder("jcmd", pid.toString(), "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                // no jcmd: the figure is then that of the JVM's own last full collection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pid != null) {
            try {
                for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (l.startsWith("VmRSS:")) {
                        rss = Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
                    }
                }
            } catch (IOException e) {
                rss = Double.NaN;
            }
        }
        double heap = 0;
        double live = Double.NaN;
        for (String l : metrics(urls.get(svc)).split("\n")) {
            if (l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\"")) {
                heap += value(l);
            } else if (l.startsWith("jvm_gc_live_data_size_bytes")) {
                live = value(l);
            }
        }
        return new ServiceFigures(rss, heap / 1048576, live / 1048576);
    }

    /** The Prometheus text (Http.send asks for JSON, to which /q/metrics answers nothing). */
    private static String metrics(String base) {
        try {
            return Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/q/metrics"))
                    .timeout(java.time.Duration.ofSeconds(30)).header("Accept", "text/plain").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static double value(String metricLine) {
        return Double.parseDouble(metricLine.substring(metricLine.lastIndexOf(' ') + 1));
    }

    private static String load() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return l[0] + " " + l[1] + " " + l[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String header() {
        StringBuilder h = new StringBuilder("min  load            ");
        for (String kind : KINDS) {
            h.append(String.format(Locale.ROOT, " %-22s", kind + " n/err/p99ms"));
        }
        for (String svc : SERVICES) {
            h.append(String.format(Locale.ROOT, " %-24s", svc + " rss/heap/live MB"));
        }
        return h.toString();
    }

    private static String line(Minute m) {
        StringBuilder l = new StringBuilder(String.format(Locale.ROOT, "%3d  %-15s", m.minute(), m.load()));
        for (String kind : KINDS) {
            long[] c = m.counts().get(kind);
            l.append(String.format(Locale.ROOT, " %-22s", c[0] + "/" + c[1] + "/" + fmt(m.p99().get(kind))));
        }
        for (ServiceFigures s : m.services().values()) {
            l.append(String.format(Locale.ROOT, " %-24s", fmt(s.rssMb()) + "/" + fmt(s.heapUsedMb()) + "/" + fmt(s.liveMb())));
        }
        return l.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    // ---------------------------------------------------------------- the end

    private boolean invariants(List<String> checks, long reportFundBefore) throws Exception {
        boolean ok = true;
        // the last events of the load travel: every outbox empty and every projection caught up, within 120 s
        long deadline = System.currentTimeMillis() + 120_000;
        Map<String, Long> pending;
        long residents;
        Map<String, Long> learned;
        while (true) {
            pending = new LinkedHashMap<>();
            for (String svc : SERVICES) {
                pending.put(svc, count(svc, "select count(*) from outbox_event where published_at is null"));
            }
            residents = count("resident", "select count(*) from resident where community_id = '" + f.get("COMMUNITY") + "'");
            learned = new LinkedHashMap<>();
            learned.put("farm", count("farm", "select count(*) from resident_projection where community_id = '" + f.get("COMMUNITY") + "'"));
            learned.put("activity", count("activity", "select count(*) from resident where community_id = '" + f.get("COMMUNITY") + "'"));
            learned.put("fund", count("fund", "select count(*) from known_resident where community_id = '" + f.get("COMMUNITY") + "'"));
            long r = residents;
            boolean caughtUp = pending.values().stream().allMatch(v -> v == 0) && learned.values().stream().allMatch(v -> v == r);
            if (caughtUp || System.currentTimeMillis() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        boolean outboxes = pending.values().stream().allMatch(v -> v == 0);
        ok &= outboxes;
        checks.add((outboxes ? "ok  " : "FAIL") + " outboxes empty: " + pending);
        long r = residents;
        boolean projections = learned.values().stream().allMatch(v -> v == r);
        ok &= projections;
        checks.add((projections ? "ok  " : "FAIL") + " projections caught up: " + r + " residents (" + registered.get()
                + " registered by the soak); farm, activity, fund know " + learned);
        long parked = 0;
        for (String svc : SERVICES) {
            parked += count(svc, "select count(*) from parked_event");
        }
        ok &= parked == 0;
        checks.add((parked == 0 ? "ok  " : "FAIL") + " parked events: " + parked);

        for (String fund : List.of(f.get("REPORT_FUND"), f.get("DONATE_FUND"), f.get("RACE_FUND"))) {
            JsonNode v = Http.expect(200, Http.get(Env.FUND + "/api/v1/funds/" + fund + "/ledger/verify", staff), "verify").json();
            boolean valid = v.path("valid").asBoolean();
            ok &= valid;
            checks.add((valid ? "ok  " : "FAIL") + " ledger of fund " + fund + " valid: " + v.path("entries").asLong() + " entries, balance "
                    + v.path("ledgerBalanceFen").asLong() + " fen = the fund row's " + v.path("fundBalanceFen").asLong());
        }
        String fundId = "'" + donationFund() + "'";
        // one statement, so the fund row and the sums are read at one moment
        long[] booked = longs("fund", "select f.balance_fen, (select coalesce(sum(amount_fen), 0) from donation where fund_id = f.id)"
                + " - (select coalesce(sum(amount_fen), 0) from refund where fund_id = f.id)"
                + " - (select coalesce(sum(amount_fen), 0) from disbursement where fund_id = f.id),"
                + " (select count(*) from donation where fund_id = f.id and payment_reference like 'SOAK-%')"
                + " from fund f where f.id = " + fundId);
        long balance = booked[0];
        long soakDonations = booked[2];
        boolean balances = balance == booked[1] && soakDonations == donated.get()
                && (!donationFund().equals(f.get("REPORT_FUND")) || balance == reportFundBefore + donated.get() * DONATION_FEN);
        ok &= balances;
        checks.add((balances ? "ok  " : "FAIL") + " balance of the donation fund " + balance + " fen = donations − refunds − spending "
                + booked[1] + " fen; " + soakDonations + " soak donations stored, " + donated.get() + " answered 201");
        long confirmedRows = count("activity", "select count(*) from enrollment where activity_id = '" + f.get("ENROL_ACTIVITY") + "' and status = 'CONFIRMED'");
        long confirmedCount = count("activity", "select confirmed_count from activity where id = '" + f.get("ENROL_ACTIVITY") + "'");
        long waitRows = count("activity", "select count(*) from enrollment where activity_id = '" + f.get("ENROL_ACTIVITY") + "' and status = 'WAITLISTED'");
        long waitCount = count("activity", "select waitlisted_count from activity where id = '" + f.get("ENROL_ACTIVITY") + "'");
        boolean enrolments = confirmedRows == confirmedCount && waitRows == waitCount;
        ok &= enrolments;
        checks.add((enrolments ? "ok  " : "FAIL") + " enrolment counts: confirmed_count " + confirmedCount + " = " + confirmedRows
                + " confirmed enrolments; waitlisted_count " + waitCount + " = " + waitRows);
        long heldPlots = count("farm", "select count(*) from claim c where c.farm_id = '" + f.get("MAP_FARM")
                + "' and c.status = 'ACTIVE'");
        checks.add("     active claims left on the map farm: " + heldPlots + " (every client released its own)");
        return ok;
    }

    /** The donation fund's month report, right after a donation (so computed, not from the cache), at the end. */
    private String donationFundReport() {
        String url = Env.FUND + "/api/v1/funds/" + donationFund() + "/transparency?month=" + f.get("REPORT_MONTH");
        Http.Answer a = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            a = Http.get(url, null);
            best = Math.min(best, a.nanos());
            Http.send("POST", Env.FUND + "/api/v1/funds/" + donationFund() + "/donations", staff,
                    Map.of("donorKind", "RESIDENT", "donorId", f.get("DONOR"), "amountFen", 100, "channel", "CASH",
                            "paymentReference", "SOAK-PROBE-" + UUID.randomUUID()), "application/json");
        }
        return String.format(Locale.ROOT, "     the donation fund's month report (%s donations this month), computed after a donation: HTTP %d, %,d bytes, best of 3 %.0f ms",
                a.json().path("donationCount").asText("?"), a.status(), a.raw().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, best / 1e6);
    }

    private long balance(String fund) {
        return Http.expect(200, Http.get(Env.FUND + "/api/v1/funds/" + fund, staff), "fund").json().path("balanceFen").asLong();
    }

    private static long[] longs(String svc, String sql) throws Exception {
        try (Connection c = Env.db(svc); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long[] values = new long[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        }
    }

    private static long count(String svc, String sql) throws Exception {
        try (Connection c = Env.db(svc); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String verdict(List<Minute> rows, Map<String, Double> p99, long errors) {
        StringBuilder v = new StringBuilder("targets: errors " + errors + (errors == 0 ? " (ok)" : " (FAIL)"));
        if (rows.size() >= 3) {
            Minute second = rows.get(1);
            Minute last = rows.getLast();
            for (String svc : SERVICES) {
                double a = second.services().get(svc).liveMb();
                double b = last.services().get(svc).liveMb();
                double change = (b - a) / a * 100;
                v.append(String.format(Locale.ROOT, "; %s live %.1f → %.1f MB (%+.0f %%%s)", svc, a, b, change, Math.abs(change) <= 10 ? "" : ", over 10 %"));
            }
        }
        String worst = p99.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() + " " + fmt(e.getValue()) + " ms").orElse("–");
        boolean p99ok = p99.values().stream().allMatch(x -> x <= 200);
        v.append("; highest p99 ").append(worst).append(p99ok ? " (all ≤ 200 ms)" : " (over 200 ms)");
        return v.toString();
    }

    // ---------------------------------------------------------------- docs/benchmarks.md

    static final String BEGIN = "<!-- soak:begin (bin/bailian soak writes this section; bin/bailian bench keeps it) -->";
    static final String END = "<!-- soak:end -->";

    private void writeDoc(Path out, int minutes, int clients, String loadBefore, String loadAfter, List<Minute> rows,
                          Map<String, Double> p99, long requests, long errors, List<String> checks, String verdict) throws IOException {
        StringBuilder md = new StringBuilder(BEGIN).append("\n## Soak\n\n");
        md.append(String.format(Locale.ROOT, "`bin/bailian soak %d` on %s (%d cores, %s), git %s, %s UTC. %d clients, closed loop, no pauses: "
                        + "40 %% public reads (plot map, activity list, the month's transparency report), 15 %% registrations, 15 %% claim + release, "
                        + "15 %% enrol + cancel, 15 %% donations of 1 yuan (to the %s). Load average (1/5/15 min) %s before, %s after; "
                        + "the machine is shared, so the load includes other people's work. %,d requests, %d errors.%n%n",
                minutes, System.getenv().getOrDefault("SOAK_MACHINE", "this machine"), Runtime.getRuntime().availableProcessors(),
                System.getenv().getOrDefault("SOAK_JVM", "JVMs as in their containers"), System.getenv().getOrDefault("SOAK_GIT", "?"),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.now().atOffset(ZoneOffset.UTC)), clients,
                donationFund().equals(f.get("REPORT_FUND")) ? "fund whose report is read" : "bench's donation fund; the report read is the community fund's",
                loadBefore, loadAfter, requests, errors));
        md.append("**").append(verdict).append("**\n\n");
        md.append("Per minute: requests / errors / p99 ms of each kind; RSS / heap used / live data after a full GC (MB) of each service "
                + "(the soak has each JVM run one with jcmd GC.run before reading its metrics, unless SOAK_FULL_GC=0).\n\n");
        md.append("| min | load 1m |");
        for (String kind : KINDS) {
            md.append(' ').append(kind).append(" |");
        }
        for (String svc : SERVICES) {
            md.append(' ').append(svc).append(" |");
        }
        md.append("\n|---:|---:|").append("---:|".repeat(KINDS.size() + SERVICES.length)).append('\n');
        for (Minute m : rows) {
            md.append("| ").append(m.minute()).append(" | ").append(m.load().split(" ")[0]).append(" |");
            for (String kind : KINDS) {
                long[] c = m.counts().get(kind);
                md.append(' ').append(c[0]).append(" / ").append(c[1]).append(" / ").append(fmt(m.p99().get(kind))).append(" |");
            }
            for (ServiceFigures s : m.services().values()) {
                md.append(' ').append(fmt(s.rssMb())).append(" / ").append(fmt(s.heapUsedMb())).append(" / ")
                        .append(String.format(Locale.ROOT, "%.1f", s.liveMb())).append(" |");
            }
            md.append('\n');
        }
        md.append("\nWhole run, p99 ms: ");
        List<String> parts = new ArrayList<>();
        p99.forEach((k, x) -> parts.add(k + " " + fmt(x)));
        md.append(String.join(", ", parts)).append(".\n\nAt the end:\n\n");
        for (String check : checks) {
            md.append("- ").append(check.strip()).append('\n');
        }
        md.append(END).append('\n');
        String existing = Files.exists(out) ? Files.readString(out) : "";
        int b = existing.indexOf(BEGIN);
        int e = existing.indexOf(END);
        String kept = b >= 0 && e > b ? existing.substring(0, b) + existing.substring(e + END.length()).replaceFirst("^\n", "") : existing;
        if (!kept.isEmpty() && !kept.endsWith("\n\n")) {
            kept += kept.endsWith("\n") ? "\n" : "\n\n";
        }
        Files.writeString(out, kept + md);
    }

    /** The soak's section of an existing docs/benchmarks.md (for the bench's report to keep), or "". */
    static String section(Path out) throws IOException {
        if (!Files.exists(out)) {
            return "";
        }
        String existing = Files.readString(out);
        int b = existing.indexOf(BEGIN);
        int e = existing.indexOf(END);
        return b >= 0 && e > b ? "\n" + existing.substring(b, e + END.length()) + "\n" : "";
    }
}
