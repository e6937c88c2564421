package cn.bailian.kit.cache;

import cn.bailian.kit.KitConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The instance's store of public answers ({@link PublicCached}). Freshness has two bounds: an entry lives at most
 * the TTL (which bounds staleness against writes on other replicas), and every write transaction committed on this
 * instance ({@link WriteTracker}) moves the generation on, which turns every stored entry into a miss, so nobody
 * reads an answer older than a write this instance has confirmed.
 * <p>
 * The race: a reader notes the generation before it computes, and its answer is kept only under that generation.
 * An answer computed from data older than a commit therefore never outlives the commit's invalidation, even when it
 * is stored after it.
 */
@ApplicationScoped
public class PublicCache {

    /** One stored answer: the bytes as they were sent and the headers that belong to them. */
    public record Entry(
            long generation,
            long expiresAtNanos,
            byte[] body,
            String contentType,
            Map<String, String> headers,
            String etag,
            boolean ownTag) {}

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final int maxEntryBytes;
    private final LongSupplier clock;
    private final Counter hits;
    private final Counter misses;
    private final Counter invalidations;

    @Inject
    public PublicCache(KitConfig config, MeterRegistry registry) {
        this(
                config.publicCache().ttl(),
                config.publicCache().maxEntries(),
                config.publicCache().maxEntryBytes(),
                System::nanoTime,
                registry);
    }

    PublicCache(Duration ttl, int maxEntries, int maxEntryBytes, LongSupplier clock, MeterRegistry registry) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.maxEntryBytes = maxEntryBytes;
        this.clock = clock;
        this.hits = registry == null
                ? null
                : Counter.builder("bailian.public.cache")
                        .tag("result", "hit")
                        .description("Public reads answered from the instance's cache")
                        .register(registry);
        this.misses = registry == null
                ? null
                : Counter.builder("bailian.public.cache")
                        .tag("result", "miss")
                        .description("Public reads computed")
                        .register(registry);
        this.invalidations = registry == null
                ? null
                : Counter.builder("bailian.public.cache.invalidations")
                        .description("Committed writes that emptied the public cache")
                        .register(registry);
    }

    public boolean enabled() {
        return ttlNanos > 0;
    }

    /** The generation to note before computing an answer that may be stored. */
    public long generation() {
        return generation.get();
    }

    /** The stored answer, if it is younger than the TTL and no write has been committed since it was computed. */
    public Entry lookup(String key) {
        Entry entry = entries.get(key);
        if (entry != null
                && (entry.generation() != generation.get() || clock.getAsLong() - entry.expiresAtNanos() >= 0)) {
            entries.remove(key, entry);
            entry = null;
        }
        count(entry == null ? misses : hits);
        return entry;
    }

    /**
     * Keeps an answer computed after {@code seenGeneration} was noted; refused (false) when a write has been committed
     * since, when it is too big, or when the cache is off.
     */
    public boolean store(
            String key,
            long seenGeneration,
            byte[] body,
            String contentType,
            Map<String, String> headers,
            String etag,
            boolean ownTag) {
        if (!enabled() || body.length > maxEntryBytes || seenGeneration != generation.get()) {
            return false;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            evict();
        }
        entries.put(
                key,
                new Entry(
                        seenGeneration,
                        clock.getAsLong() + ttlNanos,
                        body,
                        contentType,
                        Map.copyOf(headers),
                        etag,
                        ownTag));
        return true;
    }

    /** After a committed write (or a test's raw SQL): no answer computed before now is served again. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
        count(invalidations);
    }

    int size() {
        return entries.size();
    }

    /** Expired and outdated entries go first; when the cache is still full it starts over (bounded, and cheap). */
    private void evict() {
        long now = clock.getAsLong();
        long current = generation.get();
        entries.values().removeIf(e -> e.generation() != current || now - e.expiresAtNanos() >= 0);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }

    private static void count(Counter counter) {
        if (counter != null) {
            counter.increment();
        }
    }
}
