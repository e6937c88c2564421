package bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a service's start goes (item 4): the execution samples of its main thread — the thread the first 200 waits
 * for — from one start recorded with JFR's sampler (bench/lib/start-sampling.jfc, every 2 ms), up to the first 200.
 * Each sample counts for the part of the platform that its outermost recognised frame belongs to, so the Hibernate
 * recorder reading its configuration counts as Hibernate, not as configuration.
 */
final class StartProfile {

    /** Parts in the order the report shows them; the CDI container only when no other part is on the stack. */
    static final List<String> PARTS = List.of("OpenAPI document", "Hibernate ORM", "Hibernate Validator", "Flyway",
            "configuration", "HTTP and REST", "Kafka clients", "pool and driver", "metrics", "our code", "CDI container",
            "other");
    private static final Map<String, List<String>> PACKAGES = new LinkedHashMap<>();

    static {
        PACKAGES.put("OpenAPI document", List.of("io.smallrye.openapi.", "io.quarkus.smallrye.openapi."));
        PACKAGES.put("Hibernate Validator", List.of("org.hibernate.validator.", "io.quarkus.hibernate.validator."));
        PACKAGES.put("Hibernate ORM", List.of("org.hibernate.", "io.quarkus.hibernate.orm."));
        PACKAGES.put("Flyway", List.of("org.flywaydb.", "io.quarkus.flyway."));
        PACKAGES.put("Kafka clients", List.of("org.apache.kafka."));
        PACKAGES.put("pool and driver", List.of("io.agroal.", "org.postgresql.", "io.quarkus.agroal."));
        PACKAGES.put("configuration", List.of("io.smallrye.config.", "io.quarkus.runtime.configuration.",
                "io.quarkus.runtime.generated.Config"));
        PACKAGES.put("HTTP and REST", List.of("io.vertx.", "io.netty.", "io.quarkus.vertx.", "org.jboss.resteasy.",
                "io.quarkus.resteasy."));
        PACKAGES.put("metrics", List.of("io.micrometer.", "io.quarkus.micrometer."));
        PACKAGES.put("our code", List.of("cn.bailian."));
    }

    private StartProfile() {
    }

    /** {@code startprofile APP JFR READY_EPOCH_MS}: writes START_<APP>_PROFILE_SAMPLES and one share per part. */
    static void run(String app, Path recording, long readyEpochMs) throws Exception {
        Instant ready = Instant.ofEpochMilli(readyEpochMs);
        Map<String, Integer> counts = new LinkedHashMap<>();
        PARTS.forEach(p -> counts.put(p, 0));
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isAfter(ready)
                    || !"main".equals(event.getThread("sampledThread").getJavaName())) {
                continue;
            }
            counts.merge(part(event.getStackTrace()), 1, Integer::sum);
            total++;
        }
        Results.put(key(app, "samples"), total);
        for (String part : PARTS) {
            Results.put(key(app, part), total == 0 ? 0 : Math.round(100.0 * counts.get(part) / total));
        }
        int samples = Math.max(1, total);
        System.out.println("    " + app + " start, main thread (" + total + " samples): " + counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + Math.round(100.0 * e.getValue() / samples) + " %")
                .collect(Collectors.joining(", ")));
    }

    /** The results key of one part's share (or of "samples") in one app's profile. */
    static String key(String app, String part) {
        return ("START_" + app + "_PROFILE_" + part).toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    private static String part(RecordedStackTrace stack) {
        if (stack == null) {
            return "other";
        }
        List<RecordedFrame> frames = stack.getFrames(); // innermost first
        boolean cdi = false;
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).getMethod() == null) {
                continue;
            }
            String type = frames.get(i).getMethod().getType().getName();
            for (Map.Entry<String, List<String>> part : PACKAGES.entrySet()) {
                if (part.getValue().stream().anyMatch(type::startsWith)) {
                    return part.getKey();
                }
            }
            cdi |= type.startsWith("io.quarkus.arc.");
        }
        return cdi ? "CDI container" : "other";
    }
}
