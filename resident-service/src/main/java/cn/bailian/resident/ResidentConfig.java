package cn.bailian.resident;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/** resident-service's own settings. */
@ConfigMapping(prefix = "resident")
public interface ResidentConfig {

    Pii pii();

    Participation participation();

    interface Pii {
        /** AES-256 key for phone and ID-card numbers at rest, base64 of 32 bytes. No default: required. */
        String encryptionKey();

        /** HMAC-SHA256 key for the duplicate-detection hashes, base64 of 32 bytes. No default: required. */
        String hashKey();
    }

    interface Participation {
        /** Points per event type, e.g. {@code plot.claimed=10}, {@code journal.recorded.HARVEST=5}. */
        Map<String, Integer> points();
    }
}
