package cn.bailian.system.fault;

import static org.awaitility.Awaitility.await;

import cn.bailian.system.Platform;
import cn.bailian.testkit.EventProbe;
import org.awaitility.core.ConditionTimeoutException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The four counts every fault test prints and compares, for the residents one test registered in its own
 * community: requests sent and acknowledged, writes committed (rows in the register, events in the outbox),
 * events published (records on the topic) and events applied downstream (processed_event rows for those
 * event ids and projection rows, in each of farm, activity and fund).
 */
record Tally(
        String fault,
        int sent,
        int acknowledged,
        long committed,
        long outboxRows,
        long outboxPending,
        long published,
        long publishedDistinct,
        Map<String, Long> processed,
        Map<String, Long> projected) {

    static final String TOPIC = "bailian.resident.events";
    static final String REGISTERED = "cn.bailian.resident.registered.v1";

    /** Where each consumer of resident events keeps its projection of residents. */
    static final Map<String, String> PROJECTIONS = Map.of(
            "farm-service", "select count(*) from resident_projection where community_id = ?",
            "activity-service", "select count(*) from resident where community_id = ?",
            "fund-service", "select count(*) from known_resident where community_id = ?");

    static final List<String> CONSUMERS = List.of("farm-service", "activity-service", "fund-service");

    static Tally take(String fault, List<WriteLoad.Outcome> outcomes, UUID community, EventProbe residentEvents)
            throws SQLException {
        List<EventProbe.Received> records = residentEvents.all().stream()
                .filter(r -> r.type().equals(REGISTERED)
                        && r.data().path("communityId").asText().equals(community.toString()))
                .toList();
        Set<String> eventIds = records.stream().map(EventProbe.Received::id).collect(Collectors.toSet());
        Map<String, Long> processed = new LinkedHashMap<>();
        Map<String, Long> projected = new LinkedHashMap<>();
        for (String consumer : CONSUMERS) {
            processed.put(
                    consumer, count(consumer, "select count(*) from processed_event where event_id = any(?)", (Object)
                            eventIds.toArray(String[]::new)));
            projected.put(consumer, count(consumer, PROJECTIONS.get(consumer), community));
        }
        String outboxOfCommunity = """
                select count(*) from outbox_event where event_type = '%s'
                and cast(payload as jsonb) -> 'data' ->> 'communityId' = cast(? as text)""".formatted(REGISTERED);
        return new Tally(
                fault,
                outcomes.size(),
                (int) outcomes.stream().filter(WriteLoad.Outcome::acknowledged).count(),
                count("resident-service", "select count(*) from resident where community_id = ?", community),
                count("resident-service", outboxOfCommunity, community),
                count("resident-service", outboxOfCommunity + " and published_at is null", community),
                records.size(),
                eventIds.size(),
                processed,
                projected);
    }

    /**
     * Waits until every committed write is published and applied once by each consumer, then a little more (so a
     * late second delivery would show), and returns the counts; on time-out fails with the last counts.
     */
    static Tally awaitSettled(String fault, List<WriteLoad.Outcome> outcomes, UUID community, EventProbe residentEvents)
            throws SQLException {
        Tally[] last = new Tally[1];
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> (last[0] = take(fault, outcomes, community, residentEvents)).settled());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "not every committed write was published and applied once: "
                            + (last[0] == null ? "no counts" : last[0].print()),
                    e);
        }
        WriteLoad.sleep(2_000);
        return take(fault, outcomes, community, residentEvents).print();
    }

    /** Every committed write published once and applied once by each consumer. */
    boolean settled() {
        return outboxRows == committed
                && outboxPending == 0
                && publishedDistinct == committed
                && processed.values().stream().allMatch(n -> n == committed)
                && projected.values().stream().allMatch(n -> n == committed);
    }

    Tally print() {
        System.out.printf(
                "[fault: %s] requests sent=%d acknowledged=%d | committed writes: rows=%d outbox=%d (pending %d) "
                        + "| events published: records=%d distinct=%d (%d sent again) | events applied (processed_event / projection rows): %s%n",
                fault,
                sent,
                acknowledged,
                committed,
                outboxRows,
                outboxPending,
                published,
                publishedDistinct,
                published - publishedDistinct,
                CONSUMERS.stream()
                        .map(c -> c.replace("-service", "") + "=" + processed.get(c) + "/" + projected.get(c))
                        .collect(Collectors.joining(" ")));
        return this;
    }

    /** A count from a service's database; a UUID parameter is compared as uuid, an array as text[]. */
    static long count(String service, String sql, Object... parameters) throws SQLException {
        try (Connection c = Platform.get().connect(service);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof String[] texts) {
                    s.setArray(i + 1, c.createArrayOf("text", texts));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
