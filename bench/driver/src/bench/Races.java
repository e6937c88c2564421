package bench;

import cn.bailian.testkit.Race;
import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;

import static bench.Http.expect;

/**
 * Item 6: the races of DESIGN.md under load, each fired at once through the test kit's Race (one thread per
 * request, released together), three rounds each. Correct means: the expected number of winners, every loser a
 * 409 with the rule's code, no 5xx and nothing else, and the database agreeing afterwards.
 */
final class Races {

    static final long BALANCE_FEN = 1_000_000;
    static final long DISBURSE_FEN = 30_000;

    private Races() {
    }

    static void run(int rounds) throws Exception {
        Map<String, String> facts = Env.facts();
        String staff = facts.get("STAFF_TOKEN");
        List<String> residents = Env.lines("race-residents.txt");
        String[] farms = facts.get("RACE_FARMS").split(",");
        String[] activities = facts.get("RACE_ACTIVITIES").split(",");
        boolean claimsOk = true;
        boolean enrolOk = true;
        boolean disburseOk = true;
        int[] fiveHundreds = new int[3];
        for (int r = 0; r < rounds; r++) {
            // 1,000 claims on 24 plots: one winner per plot
            List<String> plots = Setup.plots(farms[r]);
            List<Callable<Http.Answer>> claims = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String plot = plots.get(i % plots.size());
                String resident = residents.get(i);
                claims.add(() -> Http.post(Env.FARM + "/api/v1/plots/" + plot + "/claims", staff, Map.of("residentId", resident)));
            }
            Outcome claim = race(claims);
            long active = count("farm", "select count(distinct plot_id) from claim where farm_id = ?::uuid and status = 'ACTIVE'", farms[r]);
            boolean ok = claim.count(201) == 24 && claim.count(409) == 976 && claim.codes.getOrDefault("PLOT_NOT_AVAILABLE", 0) == 976
                    && active == 24;
            claimsOk &= ok;
            fiveHundreds[0] += claim.fiveHundreds();
            Results.put("RACE_CLAIM_MS_" + (r + 1), claim.millis);
            System.out.println("  claims round " + (r + 1) + ": " + claim + ", active plots " + active + (ok ? " OK" : " WRONG"));
            for (JsonNode won : claim.created) {
                expect(200, Http.post(Env.FARM + "/api/v1/claims/" + won.path("id").asText() + "/release", staff, null), "release");
            }

            // 300 enrollments into 20 places: 20 confirmed, 280 waitlisted in positions 1..280
            List<Callable<Http.Answer>> enrol = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String resident = residents.get(i);
                String activity = activities[r];
                enrol.add(() -> Http.post(Env.ACTIVITY + "/api/v1/activities/" + activity + "/enrollments", staff, Map.of("participantId", resident)));
            }
            Outcome enrolled = race(enrol);
            long confirmed = enrolled.created.stream().filter(n -> "CONFIRMED".equals(n.path("status").asText())).count();
            long dbConfirmed = count("activity", "select count(*) from enrollment where activity_id = ?::uuid and status = 'CONFIRMED'", activities[r]);
            long positions = count("activity", "select count(distinct waitlist_position) filter (where waitlist_position between 1 and 280) "
                    + "from enrollment where activity_id = ?::uuid and status = 'WAITLISTED'", activities[r]);
            ok = enrolled.count(201) == 300 && confirmed == 20 && dbConfirmed == 20 && positions == 280;
            enrolOk &= ok;
            fiveHundreds[1] += enrolled.fiveHundreds();
            Results.put("RACE_ENROL_MS_" + (r + 1), enrolled.millis);
            System.out.println("  enrollments round " + (r + 1) + ": " + enrolled + ", confirmed " + confirmed + "/" + dbConfirmed
                    + ", waitlist positions " + positions + (ok ? " OK" : " WRONG"));

            // 100 disbursements of 300 yuan against a balance of 10,000 yuan: 33 paid, 67 INSUFFICIENT_FUNDS
            String fund = facts.get("RACE_FUND");
            long balance = Http.get(Env.FUND + "/api/v1/funds/" + fund, staff).json().path("balanceFen").asLong();
            if (balance < BALANCE_FEN) {
                expect(201, Http.post(Env.FUND + "/api/v1/funds/" + fund + "/donations", staff, Map.of("donorKind", "ANONYMOUS",
                        "amountFen", BALANCE_FEN - balance, "channel", "BANK_TRANSFER", "paymentReference", "RACE-TOPUP-" + UUID.randomUUID())), "top-up");
            }
            String project = facts.get("RACE_PROJECT");
            List<Callable<Http.Answer>> pay = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String invoice = "INV-" + (r + 1) + "-" + i;
                pay.add(() -> Http.post(Env.FUND + "/api/v1/projects/" + project + "/disbursements", staff, Map.of("amountFen", DISBURSE_FEN,
                        "payeeKind", "OUTSIDE", "payee", "压测供应商", "purpose", "竞争拨付", "invoiceReference", invoice)));
            }
            Outcome paid = race(pay);
            long after = Http.get(Env.FUND + "/api/v1/funds/" + fund, staff).json().path("balanceFen").asLong();
            boolean verified = Http.get(Env.FUND + "/api/v1/funds/" + fund + "/ledger/verify", staff).json().path("valid").asBoolean();
            long winners = BALANCE_FEN / DISBURSE_FEN;
            ok = paid.count(201) == winners && paid.codes.getOrDefault("INSUFFICIENT_FUNDS", 0) == 100 - winners
                    && after == BALANCE_FEN - winners * DISBURSE_FEN && verified;
            disburseOk &= ok;
            fiveHundreds[2] += paid.fiveHundreds();
            Results.put("RACE_DISBURSE_MS_" + (r + 1), paid.millis);
            System.out.println("  disbursements round " + (r + 1) + ": " + paid + ", balance after " + after + ", ledger verified "
                    + verified + (ok ? " OK" : " WRONG"));
        }
        Results.put("RACE_CLAIM_OK", claimsOk);
        Results.put("RACE_ENROL_OK", enrolOk);
        Results.put("RACE_DISBURSE_OK", disburseOk);
        Results.put("RACE_CLAIM_5XX", fiveHundreds[0]);
        Results.put("RACE_ENROL_5XX", fiveHundreds[1]);
        Results.put("RACE_DISBURSE_5XX", fiveHundreds[2]);
    }

    static final class Outcome {
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Map<String, Integer> codes = new TreeMap<>();
        final List<JsonNode> created = new ArrayList<>();
        long millis;

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        int fiveHundreds() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() == 0).mapToInt(Map.Entry::getValue).sum();
        }

        @Override
        public String toString() {
            return millis + " ms, statuses " + statuses + ", codes " + codes;
        }
    }

    private static Outcome race(List<Callable<Http.Answer>> calls) throws Exception {
        long start = System.nanoTime();
        List<Http.Answer> answers = Race.run(calls);
        Outcome outcome = new Outcome();
        outcome.millis = (System.nanoTime() - start) / 1_000_000;
        for (Http.Answer a : answers) {
            outcome.statuses.merge(a.status(), 1, Integer::sum);
            if (a.status() == 201) {
                outcome.created.add(a.json());
            } else if (a.status() >= 400 && a.status() < 500) {
                outcome.codes.merge(a.json().path("code").asText(), 1, Integer::sum);
            } else {
                System.out.println("  unexpected answer " + a.status() + ": " + a.raw());
            }
        }
        return outcome;
    }

    static long count(String service, String sql, String id) throws Exception {
        try (Connection c = Env.db(service); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
