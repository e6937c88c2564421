package cn.bailian.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.kit.KitConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

class KafkaClientSecurityTest {

    @Test
    void unsetMeansPlainKafka() {
        assertThat(KafkaClientSecurity.settings(kafka(null, null, "", null, null)))
                .isEmpty();
    }

    @Test
    void theClusterSettingsReachTheClientUnderKafkasOwnNames() {
        String jaas =
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"farm-service\" password=\"p\";";
        Map<String, Object> settings = KafkaClientSecurity.settings(
                kafka("SASL_SSL", "SCRAM-SHA-512", jaas, "/etc/bailian/kafka-ca/ca.crt", "PEM"));

        assertThat(settings)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "sasl.jaas.config", jaas,
                        "ssl.truststore.location", "/etc/bailian/kafka-ca/ca.crt",
                        "ssl.truststore.type", "PEM"));
    }

    private static KitConfig.Kafka kafka(
            String protocol, String mechanism, String jaas, String truststore, String type) {
        return new KitConfig.Kafka() {
            public Optional<String> securityProtocol() {
                return Optional.ofNullable(protocol);
            }

            public Optional<String> saslMechanism() {
                return Optional.ofNullable(mechanism);
            }

            public Optional<String> saslJaasConfig() {
                return Optional.ofNullable(jaas);
            }

            public Optional<String> sslTruststoreLocation() {
                return Optional.ofNullable(truststore);
            }

            public Optional<String> sslTruststoreType() {
                return Optional.ofNullable(type);
            }
        };
    }
}
