package cn.bailian.kit.kafka;

import cn.bailian.kit.KitConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the kit's Kafka clients (the outbox relay's producer, the inbox's consumer) authenticate: the
 * {@code bailian.kafka.*} settings, which the kit's defaults take from KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM,
 * KAFKA_SASL_JAAS_CONFIG (the service's own credentials, from its Strimzi KafkaUser Secret) and
 * KAFKA_SSL_TRUSTSTORE_LOCATION/_TYPE (the cluster CA). Unset, nothing is added and the client speaks plain Kafka,
 * as on a developer's machine.
 */
public final class KafkaClientSecurity {

    private KafkaClientSecurity() {}

    /** The client properties to add to a producer's or consumer's configuration, under Kafka's own names. */
    public static Map<String, Object> settings(KitConfig.Kafka kafka) {
        Map<String, Object> settings = new LinkedHashMap<>();
        put(settings, "security.protocol", kafka.securityProtocol());
        put(settings, "sasl.mechanism", kafka.saslMechanism());
        put(settings, "sasl.jaas.config", kafka.saslJaasConfig());
        put(settings, "ssl.truststore.location", kafka.sslTruststoreLocation());
        put(settings, "ssl.truststore.type", kafka.sslTruststoreType());
        return settings;
    }

    private static void put(Map<String, Object> settings, String name, Optional<String> value) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> settings.put(name, v));
    }
}
