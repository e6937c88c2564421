package cn.bailian.system.fault;

import static cn.bailian.system.Api.as;
import static cn.bailian.system.Steps.EVENTUALLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.bailian.system.Api;
import cn.bailian.system.Platform;
import cn.bailian.system.Steps;
import cn.bailian.testkit.DevTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Fault 4: every service's consumer group replayed from offset 0 (reset with the Kafka Admin API while the
 * services are stopped, as an operator would). Each consumer reads every event again and applies none of
 * them: every table — the projections, the participation record, the inbox itself — is row for row as before.
 */
class ConsumerReplayIT {

    /** Tables a replay has no business with: the outbox (the relay's), parked events (a poison record is parked again). */
    private static final List<String> NOT_COMPARED = List.of("outbox_event", "parked_event", "flyway_schema_history");

    @Test
    void replayingEveryConsumerGroupFromTheStartChangesNothing() throws Exception {
        // something for every consumer to have applied: residents everywhere, and a plot claim in the participation
        // record
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-重放");
        UUID resident = place.register(place.householdId(), "重放测试", "13900000077", "SELF");
        Steps.awaitKnownEverywhere(place, resident);
        UUID plot = Steps.createPlot(place, Steps.createFarm(place), "P-01", 0);
        as(DevTokens.resident(resident, place.communityId()), "farm-service")
                .body(Map.of("residentId", resident))
                .post("/api/v1/plots/" + plot + "/claims")
                .then()
                .statusCode(201);
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(as(place.staffToken(), "resident-service")
                                .get("/api/v1/residents/" + resident + "/participation")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("items"))
                        .isNotEmpty());

        try (Admin admin = Operations.kafkaAdmin()) {
            // all caught up first, so the snapshot holds everything there is to apply
            await().atMost(EVENTUALLY).until(() -> {
                for (String service : Platform.SERVICES) {
                    if (Operations.lag(admin, service) != 0) {
                        return false;
                    }
                }
                return true;
            });
            Platform.SERVICES.parallelStream()
                    .forEach(s -> Platform.get().service(s).stop());
            Map<String, Map<String, List<String>>> before = snapshot();
            Map<String, Long> replayed = new LinkedHashMap<>();
            for (String service : Platform.SERVICES) {
                Map<TopicPartition, OffsetAndMetadata> reset = Operations.resetToZero(admin, service);
                replayed.put(service, Operations.records(admin, reset.keySet()));
            }
            Platform.SERVICES.parallelStream()
                    .forEach(s -> Platform.get().service(s).start());
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        for (String service : Platform.SERVICES) {
                            if (Operations.lag(admin, service) != 0) {
                                return false;
                            }
                        }
                        return true;
                    });
            // lag 0 is the condition: a consumer commits its offsets only after the records' transactions committed
            Map<String, Map<String, List<String>>> after = snapshot();

            for (String service : Platform.SERVICES) {
                long applied = (long) Operations.metric(service, "bailian_inbox_applied_total");
                long skipped = (long) Operations.metric(service, "bailian_inbox_duplicates_total");
                long rows = before.get(service).values().stream()
                        .mapToLong(List::size)
                        .sum();
                System.out.printf(
                        "[fault: consumer group replayed from 0] %s: records replayed=%d, skipped as already applied=%d, "
                                + "applied again=%d, tables compared=%d (%d rows), changed=%s%n",
                        service,
                        replayed.get(service),
                        skipped,
                        applied,
                        before.get(service).size(),
                        rows,
                        changedTables(before.get(service), after.get(service)));
                assertThat(applied).as(service + " applied again").isZero();
                assertThat(after.get(service))
                        .as(service + " tables after the replay")
                        .isEqualTo(before.get(service));
            }
            // the replay did happen: every consumer group read its topics again
            for (String service : Platform.SERVICES) {
                if (replayed.get(service) > 0) {
                    assertThat((long) Operations.metric(service, "bailian_inbox_duplicates_total"))
                            .as(service + " skipped")
                            .isPositive();
                }
            }
            assertThat(replayed.values().stream().mapToLong(Long::longValue).sum())
                    .isPositive();
        }
    }

    /** Every row of every table of each service's database, as text, in a stable order. */
    private static Map<String, Map<String, List<String>>> snapshot() throws Exception {
        Map<String, Map<String, List<String>>> all = new LinkedHashMap<>();
        for (String service : Platform.SERVICES) {
            Map<String, List<String>> tables = new TreeMap<>();
            try (Connection c = Platform.get().connect(service);
                    Statement s = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                names.removeAll(NOT_COMPARED);
                for (String table : names) {
                    List<String> rows = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("select t::text from " + table + " t order by 1")) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                    tables.put(table, rows);
                }
            }
            all.put(service, tables);
        }
        return all;
    }

    private static List<String> changedTables(Map<String, List<String>> before, Map<String, List<String>> after) {
        return before.keySet().stream()
                .filter(t -> !before.get(t).equals(after.get(t)))
                .toList();
    }
}
