package cn.bailian.resident.resident;

import cn.bailian.resident.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The register does not depend on Kafka: the event waits in the outbox and is published once Kafka is back. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class RegisteredWhileKafkaDownTest {

    @Test
    void aResidentRegisteredWhileKafkaIsDownIsAnnouncedOnceItIsBack() {
        Fixtures f = Fixtures.community();
        UUID id;
        BailianTestResource.broker().stop();
        try {
            id = f.adult("胡小明", "SELF");
        } finally {
            BailianTestResource.broker().start();
        }
        try (EventProbe probe = EventProbe.on("bailian.resident.events")) {
            String subject = id.toString();
            probe.await(ResidentEvents.REGISTERED, e -> e.subject().equals(subject), Duration.ofSeconds(90));
            assertThat(probe.count(ResidentEvents.REGISTERED, e -> e.subject().equals(subject))).isEqualTo(1);
        }
    }
}
