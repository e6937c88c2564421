package cn.bailian.resident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.Map;

/** resident-service's own settings. */
@ConfigMapping(prefix = "resident")
public interface ResidentConfig {

    /** The community's local time zone: move-out dates, birth dates and ages are calendar dates there. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

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
