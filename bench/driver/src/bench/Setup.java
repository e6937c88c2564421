package bench;

import cn.bailian.testkit.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static bench.Http.expect;
import static bench.Http.post;

/**
 * One community with everything the benchmarks act on, made through the public APIs (as an app would), so every
 * service's projections are filled by the real events: 1,200 residents in 1,200 households (one household each,
 * so the one-plot-per-household rule never couples two benchmark clients) and as many more as the event step makes
 * claims (6,000 for 100/s during 60 s: each claim has a plot and a household of its own, so the step sends claims and
 * nothing else), a farm of 24 plots (the map, the write path), a farm of one plot per event claim, three farms of 24
 * plots (claim races), 20 published activities with
 * age ranges (the list), an activity of 10,000 places (the write path), three activities of 20 places (races), a
 * community fund with 40 donations this month (the transparency report), a fund for the donation write path, and
 * a fund with an approved project for the disbursement races.
 */
final class Setup {

    static final int WRITE_CLIENTS = 16;      // residents 0..15 claim, 16..31 enrol
    static final int RACE_FIRST = 200;        // residents 200..1199
    static final int EVENT_FIRST = 1200;      // residents 1200.. claim once each in the event step
    /** One plot and one household per claim of the event step (its rate times its seconds, from bench/run). */
    static final int EVENT_PAIRS = Integer.parseInt(System.getenv().getOrDefault("BENCH_EVENT_CLAIMS", "6000"));
    static final int RESIDENTS = EVENT_FIRST + EVENT_PAIRS;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红霞建国志文";

    private static final long STARTED = System.nanoTime();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(12);

    private Setup() {
    }

    static void run() throws Exception {
        Map<String, String> facts = new LinkedHashMap<>();
        String admin = DevTokens.admin();
        String community = expect(201, post(Env.RESIDENT + "/api/v1/communities", admin,
                Map.of("name", "压测社区 " + Long.toHexString(System.currentTimeMillis()), "district", "成都市成华区")), "community").text("id");
        UUID communityId = UUID.fromString(community);
        String staff = DevTokens.mint("bench-staff", Set.of("STAFF"), communityId, null, Duration.ofHours(8));
        facts.put("COMMUNITY", community);
        facts.put("STAFF_TOKEN", staff);
        String compound = expect(201, post(Env.RESIDENT + "/api/v1/compounds", staff,
                Map.of("communityId", community, "name", "压测小区", "type", "COMMERCIAL")), "compound").text("id");

        log("households: " + RESIDENTS);
        List<String> households = parallel(RESIDENTS, i -> expect(201, post(Env.RESIDENT + "/api/v1/households", staff,
                Map.of("compoundId", compound, "building", Integer.toString(i / 100 + 1), "unit", "1",
                        "room", Integer.toString(101 + i % 100))), "household").text("id"));

        // 200 rows a request: a 2,000-row import is one transaction, which a loaded machine may not finish in the
        // transaction timeout (the service then answers 500: see bench/analysis.md)
        log("residents: CSV import of " + RESIDENTS + ", 200 rows a request");
        List<String> residents = new ArrayList<>();
        for (int from = 0; from < RESIDENTS; from += 200) {
            StringBuilder csv = new StringBuilder("name,gender,birthDate,phone,idNumber,residencyType,householdId,relationToHead\n");
            for (int i = from; i < Math.min(RESIDENTS, from + 200); i++) {
                csv.append(name(i)).append(',').append(i % 2 == 0 ? "MALE" : "FEMALE").append(',')
                        .append(String.format("%d-%02d-%02d", 1950 + i % 50, 1 + i % 12, 1 + i % 28)).append(',')
                        .append(String.format("138%08d", i)).append(",,").append(i % 3 == 2 ? "FLOATING" : "PERMANENT").append(',')
                        .append(households.get(i)).append(",SELF\n");
            }
            JsonNode imported = expect(201, Http.send("POST", Env.RESIDENT + "/api/v1/residents/import", staff, csv.toString(), "text/csv"),
                    "import").json();
            imported.path("residentIds").forEach(n -> residents.add(n.asText()));
        }
        if (residents.size() != RESIDENTS) {
            throw new IllegalStateException("imported " + residents.size() + " residents, not " + RESIDENTS);
        }

        log("farms and plots");
        String mapFarm = farm(communityId, staff, "压测农场", 24, "A");
        String eventFarm = farm(communityId, staff, "事件农场", EVENT_PAIRS, "E");
        List<String> raceFarms = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            raceFarms.add(farm(communityId, staff, "竞争农场" + r, 24, "R"));
        }
        facts.put("MAP_FARM", mapFarm);
        facts.put("EVENT_FARM", eventFarm);
        facts.put("RACE_FARMS", String.join(",", raceFarms));

        log("venue and activities");
        List<Map<String, String>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("dayOfWeek", day, "opens", "00:00", "closes", "00:00"));
        }
        String venue = expect(201, post(Env.ACTIVITY + "/api/v1/venues", staff, Map.of("communityId", community, "name", "压测活动室",
                "kind", "ACTIVITY_AREA", "capacity", 10000, "openingHours", hours)), "venue").text("id");
        String[] categories = {"EARLY_EDUCATION", "SPORTS", "BAKING", "PAINTING", "SANDTRAY", "FARMING", "SPECIMEN", "CULTURE", "MEETING", "OTHER"};
        int[][] ages = {{3, 6}, {6, 12}, {18, 80}, {0, 150}, {25, 60}};
        List<String> listed = parallel(20, i -> activity(communityId, staff, venue, "社区活动 " + (i + 1), categories[i % categories.length],
                ages[i % ages.length][0], ages[i % ages.length][1], 30, 10 + i));
        String enrolActivity = activity(communityId, staff, venue, "压测课程", "CULTURE", null, null, 10000, 40);
        List<String> raceActivities = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            raceActivities.add(activity(communityId, staff, venue, "竞争课程 " + r, "SPORTS", null, null, 20, 40 + r));
        }
        facts.put("LIST_AGE", "30");
        facts.put("LISTED_ACTIVITIES", Integer.toString(listed.size()));
        facts.put("ENROL_ACTIVITY", enrolActivity);
        facts.put("RACE_ACTIVITIES", String.join(",", raceActivities));

        awaitProjections(communityId);

        log("funds, donations, project");
        String reportFund = fund(community, staff, "压测社区发展治理共享基金", "COMMUNITY");
        String donateFund = fund(community, staff, "压测捐赠专项基金", "SPECIAL");
        String raceFund = fund(community, staff, "压测拨付专项基金", "SPECIAL");
        String[] channels = {"CASH", "WECHAT_PAY", "BANK_TRANSFER"};
        parallel(40, i -> expect(201, post(Env.FUND + "/api/v1/funds/" + reportFund + "/donations", staff, Map.of(
                "donorKind", "RESIDENT", "donorId", residents.get(i), "anonymous", i % 5 == 0,
                "amountFen", 1000L * (1 + i % 20), "channel", channels[i % 3], "paymentReference", "SEED-" + i)), "donation").text("id"));
        String project = expect(201, post(Env.FUND + "/api/v1/funds/" + raceFund + "/projects", staff, Map.of(
                "title", "压测拨付项目", "description", "竞争拨付", "type", "PUBLIC_WELFARE", "budgetFen", 10_000_000L,
                "proposerKind", "COMMUNITY")), "project").text("id");
        for (String step : List.of("COUNCIL", "COMMITTEE")) {
            expect(201, post(Env.FUND + "/api/v1/projects/" + project + "/reviews", staff, Map.of("step", step, "decision", "APPROVE")), "review " + step);
        }
        facts.put("REPORT_FUND", reportFund);
        facts.put("REPORT_MONTH", YearMonth.now(ZONE).toString());
        facts.put("DONATE_FUND", donateFund);
        facts.put("RACE_FUND", raceFund);
        facts.put("RACE_PROJECT", project);
        facts.put("DONOR", residents.get(0));

        StringBuilder claims = new StringBuilder();
        StringBuilder enrol = new StringBuilder();
        List<String> mapPlots = plots(mapFarm);
        for (int i = 0; i < WRITE_CLIENTS; i++) {
            claims.append(mapPlots.get(i)).append(' ').append(residents.get(i)).append('\n');
            enrol.append(residents.get(WRITE_CLIENTS + i)).append('\n');
        }
        Env.write("write-claims.txt", claims.toString());
        Env.write("write-enrol.txt", enrol.toString());
        StringBuilder events = new StringBuilder();
        List<String> eventPlots = plots(eventFarm);
        for (int i = 0; i < EVENT_PAIRS; i++) {
            events.append(eventPlots.get(i)).append(' ').append(residents.get(EVENT_FIRST + i)).append('\n');
        }
        Env.write("events.txt", events.toString());
        Env.write("race-residents.txt", String.join("\n", residents.subList(RACE_FIRST, EVENT_FIRST)) + "\n");
        benchTables(claims.toString(), enrol.toString(), enrolActivity);

        log("waiting for the project's public notice to end");
        long deadline = System.currentTimeMillis() + 120_000;
        while (!"APPROVED".equals(Http.get(Env.FUND + "/api/v1/projects/" + project, staff).text("status"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("project " + project + " not APPROVED after its notice period");
            }
            Thread.sleep(500);
        }
        Env.writeFacts(facts);
        POOL.shutdown();
        log("setup done");
    }

    /** The pgbench clients' own plots and participants: client n (pgbench's :client_id) uses line n. */
    private static void benchTables(String claims, String enrol, String activity) throws Exception {
        try (Connection c = Env.db("farm"); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench.claim_pair");
            s.execute("create table bench.claim_pair (client int primary key, plot_id uuid not null, resident_id uuid not null)");
            int n = 0;
            for (String line : claims.strip().split("\n")) {
                String[] p = line.split(" ");
                s.execute("insert into bench.claim_pair values (" + n++ + ", '" + p[0] + "', '" + p[1] + "')");
            }
        }
        try (Connection c = Env.db("activity"); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench.participant");
            s.execute("create table bench.participant (client int primary key, activity_id uuid not null, resident_id uuid not null)");
            int n = 0;
            for (String line : enrol.strip().split("\n")) {
                s.execute("insert into bench.participant values (" + n++ + ", '" + activity + "', '" + line + "')");
            }
        }
    }

    static String name(int i) {
        return SURNAMES.charAt(i % SURNAMES.length()) + "" + GIVEN.charAt((i / SURNAMES.length()) % GIVEN.length())
                + GIVEN.charAt((i * 7) % GIVEN.length());
    }

    private static String farm(UUID community, String staff, String name, int plots, String prefix) throws Exception {
        String farm = expect(201, post(Env.FARM + "/api/v1/farms", staff, Map.of("communityId", community.toString(), "name", name,
                "location", "楼顶")), "farm").text("id");
        parallel(plots, i -> expect(201, post(Env.FARM + "/api/v1/farms/" + farm + "/plots", staff, Map.of(
                "code", plotCode(prefix, i), "areaM2", 6.5, "gridRow", i / 10, "gridColumn", i % 10)), "plot").text("id"));
        return farm;
    }

    /** A-001 … A-999, then AB-000 … (a plot code has at most three digits). */
    private static String plotCode(String prefix, int i) {
        return i < 999 ? String.format("%s-%03d", prefix, i + 1) : String.format("%s%c-%03d", prefix, (char) ('A' + (i + 1) / 1000), (i + 1) % 1000);
    }

    static List<String> plots(String farm) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = expect(200, Http.get(Env.FARM + "/api/v1/farms/" + farm + "/plots?size=100&page=" + page, null), "plots").json();
            answer.path("items").forEach(p -> ids.add(p.path("id").asText()));
            if (ids.size() >= answer.path("total").asLong()) {
                break;
            }
        }
        return ids;
    }

    private static String activity(UUID community, String staff, String venue, String title, String category, Integer minAge,
                                   Integer maxAge, int capacity, int inDays) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime start = now.plusDays(inDays).withHour(2).withMinute(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityId", community);
        body.put("title", title);
        body.put("category", category);
        body.put("model", "PUBLIC_WELFARE");
        if (minAge != null) {
            body.put("minAge", minAge);
            body.put("maxAge", maxAge);
        }
        body.put("capacity", capacity);
        body.put("parentChild", false);
        body.put("enrollmentOpensAt", now.minusHours(1).toString());
        body.put("enrollmentClosesAt", start.minusHours(1).toString());
        String id = expect(201, post(Env.ACTIVITY + "/api/v1/activities", staff, body), "activity").text("id");
        expect(201, post(Env.ACTIVITY + "/api/v1/activities/" + id + "/sessions", staff, Map.of("startsAt", start.toString(),
                "endsAt", start.plusHours(1).toString(), "venueId", venue)), "session");
        expect(200, post(Env.ACTIVITY + "/api/v1/activities/" + id + "/publish", staff, null), "publish");
        return id;
    }

    private static String fund(String community, String staff, String name, String kind) {
        return expect(201, post(Env.FUND + "/api/v1/funds", staff, Map.of("communityId", community, "name", name, "kind", kind)), "fund").text("id");
    }

    /** farm, activity and fund have all learned every resident from resident-service's events. */
    private static void awaitProjections(UUID community) throws Exception {
        String[][] checks = {{"farm", "select count(*) from resident_projection where community_id = ?"},
                {"activity", "select count(*) from resident where community_id = ?"},
                {"fund", "select count(*) from known_resident where community_id = ?"}};
        long deadline = System.currentTimeMillis() + 180_000;
        for (String[] check : checks) {
            try (Connection c = Env.db(check[0]); PreparedStatement s = c.prepareStatement(check[1])) {
                s.setObject(1, community);
                while (true) {
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) >= RESIDENTS) {
                            break;
                        }
                    }
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException(check[0] + "-service did not learn all residents in 180 s");
                    }
                    Thread.sleep(200);
                }
            }
        }
        log("projections: farm, activity and fund know all " + RESIDENTS + " residents");
    }

    interface Task<T> {
        T call(int i) throws Exception;
    }

    static <T> List<T> parallel(int n, Task<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(POOL.submit((Callable<T>) () -> task.call(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    static void log(String message) {
        System.out.printf("[setup %3ds] %s%n", (System.nanoTime() - STARTED) / 1_000_000_000L, message);
        System.out.flush();
    }
}
