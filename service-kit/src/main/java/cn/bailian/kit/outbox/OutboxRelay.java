package cn.bailian.kit.outbox;

import cn.bailian.kit.KitConfig;
import cn.bailian.kit.kafka.KafkaClientSecurity;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves committed outbox rows to Kafka on a thread of its own, so the API never waits for (or fails
 * because of) the broker. Replicas of one service take turns through a transaction-scoped advisory lock:
 * one batch at a time per database keeps each aggregate's events in commit order, and rows are locked
 * FOR UPDATE SKIP LOCKED besides. A row is marked published only after the broker acknowledged it
 * (idempotent producer, acks=all); a crash in between republishes it, which consumers dedupe.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming "the outbox relay" among advisory locks of this database. */
    private static final long RELAY_LOCK = 0x6261696c69616eL;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KitConfig config;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private volatile Instant oldestPending;
    private volatile String lastError;
    private volatile boolean running;
    private Thread thread;
    private volatile KafkaProducer<String, String> producer;
    private Counter published;
    private Instant lastPurge = Instant.EPOCH;

    void start(@Observes @Priority(100) StartupEvent ignored) {
        Gauge.builder("bailian.outbox.backlog", backlog, AtomicLong::doubleValue)
                .description("Committed events not yet acknowledged by Kafka")
                .register(registry);
        published = Counter.builder("bailian.outbox.published")
                .description("Events published to Kafka")
                .register(registry);
        if (!config.outbox().relayEnabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        running = true;
        thread = new Thread(this::run, config.serviceName() + "-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** Called after a transaction that wrote an event commits. */
    public void wake() {
        wakeUp.release();
    }

    public OutboxStats stats() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*), min(created_at) from outbox_event where published_at is null");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            long count = rs.getLong(1);
            Timestamp oldest = rs.getTimestamp(2);
            backlog.set(count);
            oldestPending = oldest == null ? null : oldest.toInstant();
            return new OutboxStats(count, oldestPending, lastError);
        } catch (SQLException e) {
            return new OutboxStats(backlog.get(), oldestPending, "database: " + e.getMessage());
        }
    }

    /** Made on the relay's own thread: building the Kafka client takes a few hundred ms the start need not wait for. */
    private KafkaProducer<String, String> newProducer() {
        Map<String, Object> props = new HashMap<>(KafkaClientSecurity.settings(config.kafka()));
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                config.serviceName() + "-outbox",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                (int) sendTimeoutMs(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) sendTimeoutMs(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) (2 * sendTimeoutMs()),
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
        return new KafkaProducer<>(props);
    }

    private void run() {
        producer = newProducer();
        long backoffMs = 100;
        while (running) {
            try {
                int sent = relayBatch();
                lastError = null;
                backoffMs = 100;
                purgeOccasionally();
                if (sent < config.outbox().batchSize()) {
                    wakeUp.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warnf("outbox relay: %s; retrying in %d ms", lastError, backoffMs);
                stats();
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, config.outbox().maxBackoff().toMillis());
            }
        }
    }

    /** Publishes one batch; returns how many rows it marked published. */
    int relayBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sent = publishLocked(c);
                c.commit();
                if (sent > 0) {
                    published.increment(sent);
                }
                stats();
                return sent;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishLocked(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0; // another replica is relaying right now
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                select id, topic, aggregate_id, payload from outbox_event
                where published_at is null order by id limit ? for update skip locked""")) {
            select.setInt(1, config.outbox().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    acks.add(producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4))));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> acknowledged = new ArrayList<>(ids.size());
        Exception failure = null;
        for (int i = 0; i < ids.size(); i++) {
            try {
                acks.get(i).get(3 * sendTimeoutMs(), TimeUnit.MILLISECONDS);
                acknowledged.add(ids.get(i));
            } catch (Exception e) {
                failure = e;
                break; // later rows stay pending so one aggregate's events never overtake each other
            }
        }
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement mark =
                    c.prepareStatement("update outbox_event set published_at = now() where id = any(?)")) {
                Array array = c.createArrayOf("bigint", acknowledged.toArray());
                mark.setArray(1, array);
                mark.executeUpdate();
            }
        }
        if (failure != null) {
            c.commit(); // keep what the broker did take
            throw failure;
        }
        return acknowledged.size();
    }

    private long sendTimeoutMs() {
        return config.outbox().sendTimeout().toMillis();
    }

    private void purgeOccasionally() throws SQLException {
        Instant now = Instant.now();
        if (Duration.between(lastPurge, now).toMinutes() < 10) {
            return;
        }
        lastPurge = now;
        try (Connection c = dataSource.getConnection();
                PreparedStatement purge = c.prepareStatement(
                        "delete from outbox_event where published_at < now() - cast(? as interval)")) {
            purge.setString(1, config.outbox().retention().toSeconds() + " seconds");
            purge.executeUpdate();
        }
    }

    public record OutboxStats(long backlog, Instant oldestPending, String lastError) {}
}
