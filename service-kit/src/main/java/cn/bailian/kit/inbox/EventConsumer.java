package cn.bailian.kit.inbox;

import cn.bailian.kit.KitConfig;
import cn.bailian.kit.db.DatabaseErrors;
import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.event.EventJson;
import cn.bailian.kit.kafka.KafkaClientSecurity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One consumer loop per service over the topics its {@link EventHandler}s name. Offsets are committed only
 * after the records were applied (at least once); the processed-events insert in the handler's transaction
 * makes the effect exactly once. An event that cannot be read, or fails every attempt, is parked in
 * parked_event with its error and the partition moves on. While the database is out of reach nothing is
 * attempted or parked: the partition waits and reads the record again.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    @Any
    Instance<EventHandler> handlerBeans;

    @Inject
    Inbox inbox;

    @Inject
    ParkedEvents parked;

    @Inject
    KitConfig config;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Map<String, EventHandler> handlers = new HashMap<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private Counter applied;
    private Counter duplicates;
    private Counter parkedCount;

    void start(@Observes StartupEvent ignored) {
        applied = Counter.builder("bailian.inbox.applied")
                .description("Events applied")
                .register(registry);
        duplicates = Counter.builder("bailian.inbox.duplicates")
                .description("Redelivered events skipped")
                .register(registry);
        parkedCount = Counter.builder("bailian.inbox.parked")
                .description("Events parked after failing")
                .register(registry);
        Set<String> topics = new TreeSet<>();
        for (EventHandler handler : handlerBeans) {
            topics.add(handler.topic());
            for (String type : handler.eventTypes()) {
                EventHandler previous = handlers.put(type, handler);
                if (previous != null) {
                    throw new IllegalStateException("two handlers for " + type);
                }
            }
        }
        if (topics.isEmpty() || !config.consumer().enabled()) {
            return;
        }
        Map<String, Object> props = new HashMap<>(KafkaClientSecurity.settings(config.kafka()));
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupId().orElse(config.serviceName()));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-inbox");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        running = true;
        // the client is made on the consumer's own thread: a few hundred ms the start need not wait for
        thread = new Thread(() -> run(props, List.copyOf(topics)), config.serviceName() + "-event-consumer");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("consuming %s as group %s", topics, props.get(ConsumerConfig.GROUP_ID_CONFIG));
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(Map<String, Object> props, List<String> topics) {
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(topics);
        try {
            while (running) {
                try {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    Map<TopicPartition, Long> unsettled = new HashMap<>();
                    boolean settled = records.count() > 1 && applyTogether(records);
                    for (ConsumerRecord<String, String> record :
                            settled ? List.<ConsumerRecord<String, String>>of() : records) {
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        // behind a record that must wait, its partition waits too: one aggregate's events stay in order
                        if (!unsettled.containsKey(partition) && !apply(record)) {
                            unsettled.put(partition, record.offset());
                        }
                    }
                    // read those partitions again from the first record that could not be settled; the commit
                    // below then stops there as well, so nothing is skipped however long the database is away
                    unsettled.forEach(consumer::seek);
                    if (!records.isEmpty()) {
                        consumer.commitSync();
                    }
                    if (!unsettled.isEmpty()) {
                        sleepQuietly(1_000);
                    }
                } catch (WakeupException e) {
                    if (running) {
                        LOG.warn("event consumer woken unexpectedly; continuing");
                    }
                } catch (RuntimeException e) {
                    // A failed commit (a rebalance, the broker away) only means records come again, and the inbox
                    // skips them; the loop must outlive it, or the service silently stops learning.
                    LOG.warnf("event consumer: %s; continuing in 1 s", e.toString());
                    sleepQuietly(1_000);
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /**
     * Applies every record of a poll in one transaction: one commit, i.e. one WAL flush, for a burst of events
     * instead of one per event, which is what let a consumer fall behind a steady 100 events/s (bench step 3).
     * The inbox insert stays first for each event, so a duplicate — even within the burst — changes nothing.
     * Any failure (an unreadable record, a handler's exception, the database away) rolls the whole burst back and
     * returns false; the records are then applied one by one, where each failure is handled on its own.
     */
    boolean applyTogether(ConsumerRecords<String, String> records) {
        int[] counted = new int[2];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                counted[0] = 0;
                counted[1] = 0;
                for (ConsumerRecord<String, String> record : records) {
                    CloudEvent event = EventJson.read(record.value());
                    EventHandler handler = handlers.get(event.type());
                    ForgedEventException forged = forged(record, event, handler);
                    if (forged != null) {
                        throw forged; // parked on the one-by-one path
                    }
                    if (handler == null) {
                        continue;
                    }
                    if (inbox.firstDelivery(event)) {
                        handler.handle(event);
                        counted[0]++;
                    } else {
                        counted[1]++;
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf("a burst of %d records is applied one by one: %s", records.count(), e.toString());
            return false;
        }
        applied.increment(counted[0]);
        duplicates.increment(counted[1]);
        return true;
    }

    /**
     * Never throws: a record is applied, skipped, or parked (true), or it must be read again later because the
     * database is out of reach (false) — that is no fault of the event, so it neither counts as an attempt nor
     * gets the event parked.
     */
    boolean apply(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = EventJson.read(record.value());
        } catch (RuntimeException e) {
            return park(record, null, e);
        }
        EventHandler handler = handlers.get(event.type());
        ForgedEventException forged = forged(record, event, handler);
        if (forged != null) {
            return park(record, event, forged);
        }
        if (handler == null) {
            LOG.debugf("ignoring event type %s", event.type());
            return true;
        }
        int maxAttempts = config.consumer().maxAttempts();
        for (int attempt = 1; running || attempt == 1; attempt++) {
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(event)) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
                (first ? applied : duplicates).increment();
                return true;
            } catch (RuntimeException e) {
                if (DatabaseErrors.unavailable(e)) {
                    LOG.warnf("event %s (%s) waits: database unavailable (%s)", event.id(), event.type(), e.toString());
                    return false;
                }
                if (attempt >= maxAttempts) {
                    return park(record, event, e);
                }
                LOG.warnf("event %s (%s) failed attempt %d: %s", event.id(), event.type(), attempt, e.toString());
                sleepQuietly(200L * attempt);
            }
        }
        return false; // shutting down between attempts: the record is read again after the restart
    }

    /**
     * An event is believed only from the service that owns its topic (bailian.events.owners): the broker's ACLs let
     * only that service write there, and this check holds even where they are missing or too wide. Whatever its
     * type, a forged event is parked for a person to look at, never applied or silently dropped. An event type is
     * also believed only on the topic its handler reads: the fund service owns its topic, but a resident.registered
     * it put there is still not the resident service's word.
     *
     * @return why the event is not believed, or null when its source owns the topic
     */
    ForgedEventException forged(ConsumerRecord<String, String> record, CloudEvent event, EventHandler handler) {
        String owner = config.events().owners().get(record.topic());
        if (owner == null) {
            return new ForgedEventException("topic " + record.topic() + " has no owner in bailian.events.owners");
        }
        String expected = CloudEvent.sourceOf(owner);
        if (!expected.equals(event.source())) {
            return new ForgedEventException(
                    "source " + event.source() + " is not " + expected + ", the owner of " + record.topic());
        }
        if (handler != null && !handler.topic().equals(record.topic())) {
            return new ForgedEventException(
                    event.type() + " is read from " + handler.topic() + ", not from " + record.topic());
        }
        return null;
    }

    /** @return false when the record could not be parked because the database is away (it is read again later) */
    private boolean park(ConsumerRecord<String, String> record, CloudEvent event, Exception error) {
        LOG.errorf(
                "parking record %s-%d@%d (%s): %s",
                record.topic(),
                record.partition(),
                record.offset(),
                event == null ? "unreadable" : event.type(),
                error.toString());
        try {
            parked.park(record, event, error);
            parkedCount.increment();
            return true;
        } catch (RuntimeException e) {
            if (DatabaseErrors.unavailable(e)) {
                LOG.warnf(
                        "could not park record %s-%d@%d, database unavailable; it is read again",
                        record.topic(), record.partition(), record.offset());
                return false;
            }
            LOG.error("could not park record; moving on, it stays on the topic", e);
            return true;
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
