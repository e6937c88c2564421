package cn.bailian.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of the shared machinery; each service names itself and its topic, the rest has defaults. */
@ConfigMapping(prefix = "bailian")
public interface KitConfig {

    /** This service's name, e.g. farm-service: the CloudEvents source and the consumer group. */
    String serviceName();

    /**
     * The community's time zone: every calendar date (terms, move-outs, ages, session days, report months) is
     * reckoned in it, through {@link cn.bailian.kit.time.CommunityClock}.
     */
    @WithDefault("Asia/Shanghai")
    java.time.ZoneId zone();

    Events events();

    Outbox outbox();

    Consumer consumer();

    Idempotency idempotency();

    Kafka kafka();

    Http http();

    RateLimit rateLimit();

    /** Per-caller limits on operations marked {@link cn.bailian.kit.ratelimit.RateLimited}. */
    interface RateLimit {
        /** Off only for load tests that drive one subject far past any real client. */
        @WithDefault("true")
        boolean enabled();
    }

    PublicCache publicCache();

    /** The instance's cache of public, caller-independent reads (cn.bailian.kit.cache.PublicCached). */
    interface PublicCache {
        /**
         * How long a stored answer may be served: the bound on staleness
         * against writes committed on other replicas. 0 turns the cache off.
         */
        @WithDefault("2s")
        Duration ttl();

        @WithDefault("1000")
        int maxEntries();

        /** Answers above this are not stored. */
        @WithDefault("1048576")
        int maxEntryBytes();
    }

    interface Http {
        /** Request bodies above this are refused with 413 before they are read. */
        @WithDefault("262144")
        long maxBodyBytes();
    }

    interface Events {
        /** The topic this service publishes to, e.g. bailian.farm.events. */
        String topic();

        /**
         * Topic → the service that alone may publish to it (bailian.events.owners."bailian.farm.events"=farm-service).
         * A consumed event whose CloudEvents source is not {@code /bailian/<owner>} is parked, not applied: a peer
         * that can reach the broker must not be able to speak for another service. A topic with no owner here has
         * every event parked.
         */
        Map<String, String> owners();
    }

    interface Outbox {
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("200")
        int batchSize();

        /** How often the relay looks without being woken (other replicas' commits, retries). */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How long one send may wait for the broker (metadata, acknowledgement) before the batch is retried.
         * Only the relay's thread ever waits this long; the API does not wait for Kafka at all.
         */
        @WithDefault("5s")
        Duration sendTimeout();

        /** Longest pause between attempts while Kafka is unreachable. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** Published rows are kept this long for inspection, then purged. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        /** Defaults to the service name. */
        Optional<String> groupId();

        /** Attempts of one event before it is parked. */
        @WithDefault("5")
        int maxAttempts();
    }

    /**
     * How the kit's Kafka clients authenticate (cn.bailian.kit.kafka.KafkaClientSecurity): Kafka's own client
     * settings of the same names. None set: plain Kafka, as on a developer's machine.
     */
    interface Kafka {
        /** e.g. SASL_SSL */
        Optional<String> securityProtocol();

        /** e.g. SCRAM-SHA-512 */
        Optional<String> saslMechanism();

        /** The login module with this service's user and password (secret: from the environment only). */
        Optional<String> saslJaasConfig();

        /** The CA the brokers' certificates are checked against. */
        Optional<String> sslTruststoreLocation();

        /** e.g. PEM */
        Optional<String> sslTruststoreType();
    }

    interface Idempotency {
        /** How long a stored response answers a repeated key. */
        @WithDefault("P1D")
        Duration retention();
    }
}
