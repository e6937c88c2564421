package cn.bailian.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.bailian.system.Api;
import cn.bailian.system.Platform;
import cn.bailian.system.ServiceProcess;
import cn.bailian.testkit.EventProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Fault 2: resident-service is SIGKILLed in the middle of a write load and started again. No acknowledged
 * write is lost, no write is half there (a resident without its outbox event or audit entry), the outbox
 * drains, and the consumers apply each event once, however often the relay had to send it again.
 */
class ServiceKilledIT {

    @Test
    void aKilledServiceLosesNoAcknowledgedWriteAndItsEventsAreAppliedOnce() throws Exception {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-强杀");
        ServiceProcess residents = Platform.get().service("resident-service");
        // farm applies the household's event too: let it land before the consumers' counters are read
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Tally.count(
                                "farm-service",
                                "select count(*) from household_projection where household_id = ?",
                                place.householdId())
                        == 1);
        Map<String, Double> appliedBefore = applied();
        List<WriteLoad.Outcome> outcomes;
        try (EventProbe residentEvents = EventProbe.on(Platform.get().kafka().bootstrapServers(), Tally.TOPIC)) {
            WriteLoad load = WriteLoad.start(place, 4, 0); // as fast as it goes: requests are in flight at the kill
            try {
                load.awaitAcknowledged(8);
                residents.kill();
                load.awaitUnanswered(); // a request met the dead process
                residents.start();
                load.awaitAcknowledged(4);
            } finally {
                outcomes = load.stop();
            }
            List<UUID> acknowledged = WriteLoad.acknowledgedIds(outcomes);
            long unanswered = outcomes.stream().filter(o -> o.status() < 0).count();
            assertThat(acknowledged).as("writes before and after the kill").hasSizeGreaterThan(10);
            assertThat(unanswered).as("requests cut off by the kill").isPositive();
            assertThat(outcomes)
                    .allSatisfy(o -> assertThat(o.status()).as("%s", o).isIn(201, -1));

            // no acknowledged write lost
            Set<UUID> committed =
                    new HashSet<>(uuids("select id from resident where community_id = ?", place.communityId()));
            assertThat(committed).containsAll(acknowledged);
            // a request cut off may or may not have committed, but only whole: each resident with its event and audit
            // entry
            assertThat(committed.size() - acknowledged.size()).isBetween(0, (int) unanswered);
            assertThat(Tally.count("resident-service", """
                    select count(*) from resident r where r.community_id = ? and (
                      (select count(*) from outbox_event o where o.aggregate_id = r.id::text and o.event_type = 'cn.bailian.resident.registered.v1') <> 1
                      or (select count(*) from audit_entry a where a.entity_id = r.id and a.action = 'REGISTERED') <> 1)""", place.communityId()))
                    .as("half-written registrations")
                    .isZero();

            // the outbox drains and each consumer applies every event once
            Tally tally =
                    Tally.awaitSettled("resident-service SIGKILLed", outcomes, place.communityId(), residentEvents);
            assertThat(tally.settled()).isTrue();
            assertThat(tally.committed()).isEqualTo(committed.size());
            // the relay may have sent a batch again after the kill (at least once); the consumers skipped the copies
            Map<String, Double> appliedAfter = applied();
            System.out.printf(
                    "[fault: resident-service SIGKILLed] requests unanswered (cut off or refused while down): %d; "
                            + "applied by the consumers during the test: %s%n",
                    unanswered,
                    Tally.CONSUMERS.stream()
                            .map(c -> c + "=" + (long) (appliedAfter.get(c) - appliedBefore.get(c)))
                            .collect(Collectors.joining(" ")));
            for (String consumer : Tally.CONSUMERS) {
                assertThat((long) (appliedAfter.get(consumer) - appliedBefore.get(consumer)))
                        .as(consumer + " applied")
                        .isEqualTo(tally.committed());
            }
        }
    }

    private static Map<String, Double> applied() {
        return Tally.CONSUMERS.stream()
                .collect(Collectors.toMap(c -> c, c -> Operations.metric(c, "bailian_inbox_applied_total")));
    }

    private static List<UUID> uuids(String sql, UUID parameter) throws Exception {
        try (var c = Platform.get().connect("resident-service");
                var s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (var rs = s.executeQuery()) {
                List<UUID> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
                return ids;
            }
        }
    }
}
