package cn.bailian.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.EventFeed;
import cn.bailian.testkit.Postgres;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class EventConsumerTest {

    private static final String TOPIC = "bailian.kit-sample.events";
    private static final String CREATED = "cn.bailian.sample.note.created.v1";

    @Inject
    EventConsumer consumer;

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String noteId = UUID.randomUUID().toString();
        String event = event(eventId, CREATED, noteId, 3, "\"futureField\":{\"x\":1},");
        send(noteId, event);
        send(noteId, event);
        awaitApplied(marker(noteId));
        assertThat(applied(noteId)).isEqualTo(1);
        assertThat(processed(eventId)).isEqualTo(1);
    }

    @Test
    void unreadableRecordIsParkedAndThePartitionMovesOn() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        long parkedBefore = count("select count(*) from parked_event");
        send(key, "{this is not json");
        String noteId = UUID.randomUUID().toString();
        send(key, event(UUID.randomUUID().toString(), CREATED, noteId, 3, ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(noteId) == 1);
        assertThat(count("select count(*) from parked_event")).isEqualTo(parkedBefore + 1);
    }

    @Test
    void failingHandlerIsRetriedThenParkedWithoutBlockingLaterEvents() throws Exception {
        String key = "unlucky-" + UUID.randomUUID();
        String failingEvent = UUID.randomUUID().toString();
        String failingNote = UUID.randomUUID().toString();
        send(key, event(failingEvent, CREATED, failingNote, 13, ""));
        String laterNote = UUID.randomUUID().toString();
        send(key, event(UUID.randomUUID().toString(), CREATED, laterNote, 3, ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(laterNote) == 1);
        // the failing attempts rolled back: no half-applied row, no processed mark, one parked record
        assertThat(applied(failingNote)).isZero();
        assertThat(processed(failingEvent)).isZero();
        assertThat(count("select count(*) from parked_event where event_id = '" + failingEvent + "'"))
                .isEqualTo(1);
    }

    @Test
    void anEventThatArrivesWhileTheDatabaseIsAwayWaitsForItInsteadOfBeingSkippedOrParked() throws Exception {
        Postgres postgres = Postgres.shared();
        assumeTrue(postgres.restartable(), "only the embedded PostgreSQL can be stopped");
        String eventId = UUID.randomUUID().toString();
        String noteId = UUID.randomUUID().toString();
        long parkedBefore = count("select count(*) from parked_event");
        postgres.stop();
        try {
            send(noteId, event(eventId, CREATED, noteId, 3, ""));
            Thread.sleep(3_000); // longer than every attempt before parking would take (max-attempts=2 here)
        } finally {
            postgres.start();
        }
        awaitApplied(noteId);
        assertThat(processed(eventId)).isEqualTo(1);
        assertThat(count("select count(*) from parked_event")).isEqualTo(parkedBefore);
    }

    @Test
    void unknownTypesAreIgnored() throws Exception {
        String eventId = UUID.randomUUID().toString();
        send(
                "k",
                event(
                        eventId,
                        "cn.bailian.sample.something-new.v7",
                        UUID.randomUUID().toString(),
                        1,
                        ""));
        awaitApplied(marker("k"));
        assertThat(processed(eventId)).isZero();
        assertThat(count("select count(*) from parked_event where event_id = '" + eventId + "'"))
                .isZero();
    }

    @Test
    void aBurstIsAppliedInOneTransactionAndADuplicateWithinItOnce() throws Exception {
        String first = UUID.randomUUID().toString();
        String firstNote = UUID.randomUUID().toString();
        String secondNote = UUID.randomUUID().toString();
        boolean together = consumer.applyTogether(records(
                event(first, CREATED, firstNote, 3, ""),
                event(first, CREATED, firstNote, 3, ""),
                event(UUID.randomUUID().toString(), CREATED, secondNote, 3, "")));
        assertThat(together).isTrue();
        assertThat(applied(firstNote)).isEqualTo(1);
        assertThat(applied(secondNote)).isEqualTo(1);
        assertThat(processed(first)).isEqualTo(1);
    }

    @Test
    void aBurstWithAFailureLeavesNothingBehindForTheOneByOnePath() throws Exception {
        String before = UUID.randomUUID().toString();
        String beforeNote = UUID.randomUUID().toString();
        String failingNote = UUID.randomUUID().toString();
        boolean together = consumer.applyTogether(records(
                event(before, CREATED, beforeNote, 3, ""),
                event(UUID.randomUUID().toString(), CREATED, failingNote, 13, "")));
        assertThat(together).isFalse();
        // rolled back whole: the event before the failing one is neither applied nor marked processed
        assertThat(applied(beforeNote)).isZero();
        assertThat(processed(before)).isZero();
        assertThat(consumer.applyTogether(records(event(before, CREATED, beforeNote, 3, ""), "{this is not json")))
                .isFalse();
        assertThat(processed(before)).isZero();
    }

    @Test
    void anEventWhoseSourceIsNotTheTopicsOwnerIsParkedAndNotApplied() throws Exception {
        String key = "forged-" + UUID.randomUUID();
        String forgedEvent = UUID.randomUUID().toString();
        String forgedNote = UUID.randomUUID().toString();
        send(key, event(forgedEvent, "/bailian/resident-service", CREATED, forgedNote, 3, ""));
        String noSource = UUID.randomUUID().toString();
        send(key, event(noSource, "", CREATED, UUID.randomUUID().toString(), 3, ""));
        awaitApplied(marker(key));
        assertThat(applied(forgedNote)).isZero();
        assertThat(processed(forgedEvent)).isZero();
        assertThat(count("select count(*) from parked_event where event_id = '" + forgedEvent
                        + "' and error like '%source /bailian/resident-service is not /bailian/kit-sample%'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from parked_event where event_id = '" + noSource + "'"))
                .isEqualTo(1);
    }

    @Test
    void aBurstWithAForgedEventIsLeftToTheOneByOnePath() throws Exception {
        String genuineNote = UUID.randomUUID().toString();
        String forgedNote = UUID.randomUUID().toString();
        boolean together = consumer.applyTogether(records(
                event(UUID.randomUUID().toString(), CREATED, genuineNote, 3, ""),
                event(
                        UUID.randomUUID().toString(),
                        "/bailian/kit-sample/../farm-service",
                        CREATED,
                        forgedNote,
                        3,
                        "")));
        assertThat(together).isFalse();
        assertThat(applied(genuineNote)).isZero();
        assertThat(applied(forgedNote)).isZero();
    }

    private static ConsumerRecords<String, String> records(String... values) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        List<ConsumerRecord<String, String>> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(new ConsumerRecord<>(TOPIC, 0, i, "k", values[i]));
        }
        return new ConsumerRecords<>(Map.of(partition, list));
    }

    /**
     * Sends a known-good event with the given key and returns its note id: once it is applied, every earlier
     * record with that key (same partition) has been handled.
     */
    private static String marker(String key) {
        String noteId = UUID.randomUUID().toString();
        send(key, event(UUID.randomUUID().toString(), CREATED, noteId, 1, ""));
        return noteId;
    }

    private static void awaitApplied(String noteId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(noteId) == 1);
    }

    private static String event(String id, String type, String noteId, int priority, String extra) {
        return event(id, "/bailian/kit-sample", type, noteId, priority, extra);
    }

    private static String event(String id, String source, String type, String noteId, int priority, String extra) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type
                + "\",\"subject\":\"" + noteId
                + "\",\"time\":\"2026-11-27T08:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"unknownEnvelopeField\":true,\"data\":{" + extra + "\"noteId\":\"" + noteId + "\",\"priority\":"
                + priority + "}}";
    }

    private static void send(String key, String value) {
        try {
            EventFeed.send(TOPIC, key, value).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long applied(String noteId) throws Exception {
        return count("select count(*) from note_applied where note_id = '" + noteId + "'");
    }

    private static long processed(String eventId) throws Exception {
        return count("select count(*) from processed_event where event_id = '" + eventId + "'");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = BailianTestResource.connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
