package bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Item 3: claims at a fixed rate, and nothing else; for each 201, the time until resident-service's participation
 * record shows the claim (a row for the plot.claimed event whose subject is the claim id, visible to a reader of its
 * database). Every claim has a plot and a household of its own (Setup makes one per claim), so no release has to
 * free them during the run. One poller reads the pending claim ids every 2 ms, so a figure is late by at most that
 * plus one query.
 */
final class Events {

    private static final String CLAIMED = "cn.bailian.farm.plot.claimed.v1";

    private Events() {
    }

    record Pair(String plot, String resident) {
    }

    static void run(int rate, int seconds) throws Exception {
        Map<String, String> facts = Env.facts();
        String staff = facts.get("STAFF_TOKEN");
        ConcurrentLinkedQueue<Pair> free = new ConcurrentLinkedQueue<>();
        for (String line : Env.lines("events.txt")) {
            String[] p = line.split(" ");
            free.add(new Pair(p[0], p[1]));
        }
        Map<String, Long> pending = new ConcurrentHashMap<>();
        Map<String, Instant> observed = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger fiveHundreds = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);

        Thread poller = new Thread(() -> poll(pending, latencies, observed), "participation-poller");
        poller.setDaemon(true);
        poller.start();

        long periodMicros = 1_000_000L / rate;
        long started = System.nanoTime();
        long total = (long) rate * seconds;
        clock.scheduleAtFixedRate(() -> {
            if (sent.get() >= total) {
                return;
            }
            sent.incrementAndGet();
            workers.submit(() -> {
                Pair pair = free.poll();
                if (pair == null) {
                    skipped.incrementAndGet();
                    return;
                }
                Http.Answer answer = Http.post(Env.FARM + "/api/v1/plots/" + pair.plot() + "/claims", staff, Map.of("residentId", pair.resident()));
                if (answer.status() != 201) {
                    errors.incrementAndGet();
                    if (answer.status() >= 500) {
                        fiveHundreds.incrementAndGet();
                    }
                    free.add(pair);
                    return;
                }
                String claim = answer.text("id");
                pending.put(claim, System.nanoTime());
                claimed.add(claim);
            });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);

        while (sent.get() < total) {
            Thread.sleep(100);
        }
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        clock.shutdown();
        clock.awaitTermination(30, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        long waitUntil = System.currentTimeMillis() + 60_000;
        while (!pending.isEmpty() && System.currentTimeMillis() < waitUntil) {
            Thread.sleep(50);
        }
        int leftBehind = pending.size();
        // the end-to-end check: every claim farm-service committed in this run is on a resident's record
        long missing;
        try (Connection c = Env.db("resident"); PreparedStatement s = c.prepareStatement(
                "select count(*) from unnest(?::text[]) as claim(id) where not exists "
                        + "(select 1 from participation_entry p where p.event_type = ? and p.subject_id = claim.id)")) {
            s.setArray(1, c.createArrayOf("text", claimed.toArray()));
            s.setString(2, CLAIMED);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                missing = rs.getLong(1);
            }
        }
        double[] sorted = Stats.sorted(latencies);
        Results.put("EVENT_RATE", rate);
        Results.put("EVENT_SECONDS", seconds);
        Results.put("EVENT_SENT", sent.get());
        Results.put("EVENT_CLAIMED", claimed.size());
        Results.put("EVENT_SKIPPED", skipped.get());
        Results.put("EVENT_ERRORS", errors.get());
        Results.put("EVENT_5XX", fiveHundreds.get());
        Results.put("EVENT_ACHIEVED_RATE", String.format(java.util.Locale.ROOT, "%.1f", claimed.size() / sendSeconds));
        Results.put("EVENT_P50_MS", Stats.ms(Stats.percentile(sorted, 50)));
        Results.put("EVENT_P99_MS", Stats.ms(Stats.percentile(sorted, 99)));
        Results.put("EVENT_MAX_MS", Stats.ms(sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]));
        Results.put("EVENT_LEFT_BEHIND", leftBehind);
        Results.put("EVENT_MISSING_IN_DB", missing);
        segments(observed);
    }

    /**
     * Where an event's time goes, from the databases' own timestamps (one PostgreSQL server, one clock; now() is a
     * transaction's start): farm — the claim's transaction begins → the relay's transaction that sends it begins;
     * broker — that → resident-service's consumer transaction that applies it begins; resident — that → the
     * poller sees the record (its transaction committed; the poller's clock is the same machine's).
     */
    private static void segments(Map<String, Instant> observed) throws Exception {
        Map<String, Instant[]> byEvent = new java.util.HashMap<>(); // event id → created, published, applied, observed
        try (Connection c = Env.db("resident"); PreparedStatement s = c.prepareStatement(
                "select subject_id, source_event_id, recorded_at from participation_entry where event_type = ? and subject_id = any(?)")) {
            s.setString(1, CLAIMED);
            s.setArray(2, c.createArrayOf("text", observed.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byEvent.put(rs.getString(2), new Instant[] {null, null, rs.getTimestamp(3).toInstant(), observed.get(rs.getString(1))});
                }
            }
        }
        try (Connection c = Env.db("farm"); PreparedStatement s = c.prepareStatement(
                "select event_id::text, created_at, published_at from outbox_event where event_id::text = any(?)")) {
            s.setArray(1, c.createArrayOf("text", byEvent.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant[] at = byEvent.get(rs.getString(1));
                    at[0] = rs.getTimestamp(2).toInstant();
                    at[1] = rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant();
                }
            }
        }
        String[] names = {"FARM", "BROKER", "RESIDENT"};
        for (int i = 0; i < names.length; i++) {
            List<Long> nanos = new ArrayList<>();
            for (Instant[] at : byEvent.values()) {
                if (at[i] != null && at[i + 1] != null) {
                    nanos.add(java.time.Duration.between(at[i], at[i + 1]).toNanos());
                }
            }
            double[] sorted = Stats.sorted(nanos);
            Results.put("EVENT_SEGMENT_" + names[i] + "_P50_MS", Stats.ms(Stats.percentile(sorted, 50)));
            Results.put("EVENT_SEGMENT_" + names[i] + "_P99_MS", Stats.ms(Stats.percentile(sorted, 99)));
            Results.put("EVENT_SEGMENT_" + names[i] + "_N", sorted.length);
        }
    }

    private static void poll(Map<String, Long> pending, List<Long> latencies, Map<String, Instant> observed) {
        try (Connection c = Env.db("resident"); PreparedStatement s = c.prepareStatement(
                "select subject_id from participation_entry where event_type = ? and subject_id = any(?)")) {
            s.setString(1, CLAIMED);
            while (true) {
                if (pending.isEmpty()) {
                    Thread.sleep(1);
                    continue;
                }
                Array ids = c.createArrayOf("text", pending.keySet().toArray());
                s.setArray(2, ids);
                try (ResultSet rs = s.executeQuery()) {
                    long now = System.nanoTime();
                    Instant wall = Instant.now();
                    while (rs.next()) {
                        Long at = pending.remove(rs.getString(1));
                        if (at != null) {
                            latencies.add(now - at);
                            observed.put(rs.getString(1), wall);
                        }
                    }
                }
                Thread.sleep(2);
            }
        } catch (Exception e) {
            System.err.println("poller stopped: " + e);
        }
    }
}
