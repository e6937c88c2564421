package cn.bailian.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.bailian.system.Api;
import cn.bailian.system.Platform;
import cn.bailian.testkit.EventFeed;
import cn.bailian.testkit.EventProbe;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Fault 5: records no consumer can apply land on bailian.resident.events in front of a valid one, all in one
 * partition (one key). Farm, activity and fund each log and park the unreadable and the unusable ones in
 * parked_event, skip the unknown type (the event contract: consumers ignore types they do not know), and
 * apply the valid event behind them: the partition keeps flowing.
 */
class PoisonEventIT {

    @Test
    void unreadableAndUnusableEventsAreParkedAndThePartitionKeepsFlowing() throws Exception {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-毒丸");
        UUID model = place.register(place.householdId(), "毒丸样本", "13900000088", "SELF");
        EventProbe.Received template;
        try (EventProbe residentEvents = EventProbe.on(Platform.get().kafka().bootstrapServers(), Tally.TOPIC)) {
            template = residentEvents.await(
                    Tally.REGISTERED, r -> r.subject().equals(model.toString()), Duration.ofSeconds(60));
        }
        // all keyed by the valid event's resident: one partition, in this order
        UUID resident = UUID.randomUUID();
        String key = resident.toString();
        ObjectNode valid = template.event().deepCopy();
        valid.put("id", UUID.randomUUID().toString()).put("subject", key);
        ((ObjectNode) valid.path("data")).put("residentId", key);
        ObjectNode withoutResident = template.event().deepCopy();
        withoutResident.put("id", UUID.randomUUID().toString()).put("subject", key);
        ((ObjectNode) withoutResident.path("data")).remove("residentId");
        String unknownType = EventFeed.cloudEvent(
                "cn.bailian.resident.teleported.v1",
                "/bailian/resident-service",
                key,
                OffsetDateTime.now(ZoneOffset.UTC),
                "{\"residentId\":\"" + key + "\"}");

        Map<String, String> records = new LinkedHashMap<>();
        records.put("not JSON", "{\"specversion\":\"1.0\",\"id\":");
        records.put("JSON, not a CloudEvent", "{\"hello\":\"白莲\"}");
        records.put("registered.v1 without a residentId", withoutResident.toString());
        records.put("an unknown type", unknownType);
        records.put("valid registered.v1", valid.toString());
        Map<String, RecordMetadata> sent = new LinkedHashMap<>();
        for (Map.Entry<String, String> record : records.entrySet()) {
            sent.put(
                    record.getKey(),
                    EventFeed.send(Tally.TOPIC, key, record.getValue()).get(10, TimeUnit.SECONDS));
        }
        int partition = sent.get("valid registered.v1").partition();
        assertThat(sent.values()).allSatisfy(m -> assertThat(m.partition()).isEqualTo(partition));

        // the partition kept flowing: the valid event behind the poison is applied by every consumer
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    for (String consumer : Tally.CONSUMERS) {
                        if (Tally.count(
                                        consumer,
                                        "select count(*) from processed_event where event_id = ?",
                                        valid.path("id").asText())
                                != 1) {
                            return false;
                        }
                    }
                    return true;
                });
        String[] poison = {"not JSON", "JSON, not a CloudEvent", "registered.v1 without a residentId"};
        for (String consumer : Tally.CONSUMERS) {
            String projection = Tally.PROJECTIONS
                    .get(consumer)
                    .replace("community_id = ?", consumer.equals("activity-service") ? "id = ?" : "resident_id = ?");
            long parked = 0;
            for (String name : poison) {
                long rows = Tally.count(
                        consumer,
                        "select count(*) from parked_event where topic = ? and kafka_partition = ? and kafka_offset = ?",
                        Tally.TOPIC,
                        partition,
                        sent.get(name).offset());
                assertThat(rows).as(consumer + " parked " + name).isEqualTo(1);
                parked += rows;
                assertThat(Files.readString(Platform.get().service(consumer).log(), StandardCharsets.UTF_8))
                        .as(consumer + " logged parking " + name)
                        .contains("parking record " + Tally.TOPIC + "-" + partition + "@"
                                + sent.get(name).offset());
            }
            for (String name : new String[] {"an unknown type", "valid registered.v1"}) {
                assertThat(Tally.count(
                                consumer,
                                "select count(*) from parked_event where topic = ? and kafka_partition = ? and kafka_offset = ?",
                                Tally.TOPIC,
                                partition,
                                sent.get(name).offset()))
                        .as(consumer + " parked " + name)
                        .isZero();
            }
            long unknownApplied =
                    Tally.count(consumer, "select count(*) from processed_event where event_id = ?", idOf(unknownType));
            long applied = Tally.count(
                    consumer,
                    "select count(*) from processed_event where event_id = ?",
                    valid.path("id").asText());
            long projected = Tally.count(consumer, projection, resident);
            System.out.printf(
                    "[fault: poison events] %s: records sent=%d, parked=%d, unknown type skipped (processed=%d), "
                            + "valid applied: processed_event=%d projection rows=%d%n",
                    consumer, records.size(), parked, unknownApplied, applied, projected);
            assertThat(unknownApplied).isZero();
            assertThat(applied).isEqualTo(1);
            assertThat(projected).isEqualTo(1);
        }
    }

    private static String idOf(String cloudEvent) {
        return cloudEvent.replaceFirst("(?s)^.*\"id\":\"([^\"]+)\".*$", "$1");
    }
}
