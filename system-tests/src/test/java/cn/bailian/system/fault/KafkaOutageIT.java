package cn.bailian.system.fault;

import cn.bailian.system.Api;
import cn.bailian.system.Platform;
import cn.bailian.testkit.EventProbe;
import cn.bailian.testkit.KafkaBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 1: the Kafka broker goes away for a minute under a steady write load. The API keeps taking writes
 * (the outbox holds the events), readiness stays UP and shows the backlog, and when the broker returns every
 * committed write's event is published and applied downstream exactly once.
 */
class KafkaOutageIT {

    /** The issue asks for 60 s; -Dbailian.fault.kafka-outage=PT10S shortens it while iterating locally. */
    private static final Duration OUTAGE = Duration.parse(System.getProperty("bailian.fault.kafka-outage", "PT60S"));

    @Test
    void writesGoOnWhileKafkaIsAwayAndEveryEventArrivesOnceItReturns() throws Exception {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-断网");
        KafkaBroker kafka = Platform.get().kafka();
        List<Operations.Readiness> duringOutage = new ArrayList<>();
        List<WriteLoad.Outcome> outcomes;
        try (EventProbe residentEvents = EventProbe.on(kafka.bootstrapServers(), Tally.TOPIC)) {
            WriteLoad load = WriteLoad.start(place, 2, 250);
            try {
                WriteLoad.sleep(2_000); // some writes flow straight through first
                kafka.stop();
                try {
                    long until = System.nanoTime() + OUTAGE.toNanos();
                    while (System.nanoTime() < until) {
                        WriteLoad.sleep(3_000);
                        duringOutage.add(Operations.readiness("resident-service"));
                    }
                } finally {
                    kafka.start();
                }
                WriteLoad.sleep(2_000); // and some after
            } finally {
                outcomes = load.stop();
            }

            // the API answered every write while the broker was away
            assertThat(outcomes).hasSizeGreaterThan(20);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as("%s", o).isEqualTo(201));
            // readiness stayed UP (Kafka is not the API's dependency) and showed the growing backlog
            assertThat(duringOutage).allSatisfy(r -> assertThat(r.status()).as("readiness %s", r.body()).isEqualTo(200));
            assertThat(duringOutage.stream().mapToLong(Operations.Readiness::backlog).max().orElse(-1)).isPositive();
            assertThat(duringOutage.get(duringOutage.size() - 1).backlog())
                    .isGreaterThan(duringOutage.get(0).backlog());

            Tally tally = Tally.awaitSettled("Kafka away " + OUTAGE.toSeconds() + " s", outcomes, place.communityId(), residentEvents);
            assertThat(tally.committed()).isEqualTo(tally.acknowledged()).isEqualTo(tally.sent());
            assertThat(tally.settled()).as("every committed write published and applied once").isTrue();
            // delivery is at least once: a batch the relay saw fail may have reached the broker and is sent again;
            // the consumers' inbox makes that harmless (processed counts above), the line above prints how many
            assertThat(tally.published()).isGreaterThanOrEqualTo(tally.committed());
            assertThat(Operations.readiness("resident-service").backlog()).isZero();
        }
    }
}
