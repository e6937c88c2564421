package cn.bailian.kit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The generation and TTL rules of the public cache, and which SQL counts as a write, without a server. */
class PublicCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final PublicCache cache = new PublicCache(Duration.ofSeconds(2), 3, 10, now::get, null);

    @Test
    void anAnswerComputedBeforeACommitIsNotStoredAfterIt() {
        long seen = cache.generation(); // the reader starts, reads the old snapshot ...
        cache.invalidateAll(); // ... a write commits meanwhile ...
        assertThat(cache.store("k", seen, bytes("old"), "application/json", Map.of(), "\"t\"", true))
                .isFalse();
        assertThat(cache.lookup("k")).isNull();
    }

    @Test
    void anAnswerStoredJustBeforeTheInvalidationIsAMissAfterIt() {
        long seen = cache.generation();
        assertThat(cache.store("k", seen, bytes("old"), "application/json", Map.of(), "\"t\"", true))
                .isTrue();
        assertThat(cache.lookup("k")).isNotNull();
        cache.invalidateAll();
        assertThat(cache.lookup("k")).isNull();
        assertThat(cache.store("k", cache.generation(), bytes("new"), "application/json", Map.of(), "\"u\"", true))
                .isTrue();
        assertThat(new String(cache.lookup("k").body())).isEqualTo("new");
    }

    @Test
    void entriesExpireAfterTheTtl() {
        cache.store("k", cache.generation(), bytes("a"), "application/json", Map.of(), "\"t\"", true);
        now.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertThat(cache.lookup("k")).isNotNull();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.lookup("k")).isNull();
    }

    @Test
    void sizeIsBounded() {
        assertThat(cache.store("big", cache.generation(), new byte[11], "application/json", Map.of(), "\"t\"", true))
                .isFalse();
        for (int i = 0; i < 10; i++) {
            cache.store("k" + i, cache.generation(), bytes("v"), "application/json", Map.of(), "\"t\"", true);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.lookup("k9")).isNotNull();
    }

    @Test
    void aTtlOfZeroTurnsTheCacheOff() {
        PublicCache off = new PublicCache(Duration.ZERO, 3, 10, now::get, null);
        assertThat(off.enabled()).isFalse();
        assertThat(off.store("k", off.generation(), bytes("a"), "application/json", Map.of(), "\"t\"", true))
                .isFalse();
    }

    @Test
    void writesAreToldFromReadsAndFromTheKitsBookkeeping() {
        assertThat(WriteTracker.writes("insert into plot (id, code) values (?, ?)"))
                .isTrue();
        assertThat(WriteTracker.writes("update claim set status=? where id=? and version=?"))
                .isTrue();
        assertThat(WriteTracker.writes("  delete from known_resident where resident_id = ?1"))
                .isTrue();
        assertThat(WriteTracker.writes(
                        "/* comment */ update activity set waitlist_seq = waitlist_seq + 1 returning waitlist_seq"))
                .isTrue();
        assertThat(
                        WriteTracker.writes(
                                "with moved as (update enrollment set status = 'CANCELLED' returning id) select count(*) from moved"))
                .isTrue();
        assertThat(WriteTracker.writes("select p1_0.id from plot p1_0 where p1_0.id=? for update"))
                .isFalse();
        assertThat(WriteTracker.writes("with t as (select 1) select * from t")).isFalse();
        assertThat(WriteTracker.writes("insert into outbox_event (event_id, topic) values (?, ?)"))
                .isFalse();
        assertThat(
                        WriteTracker.writes(
                                "insert into processed_event (event_id, event_type, source) values (?1, ?2, ?3) on conflict do nothing"))
                .isFalse();
        assertThat(WriteTracker.writes("update idempotency_record set status = ?3 where scope = ?1"))
                .isFalse();
        assertThat(WriteTracker.writes("insert into parked_event (topic) values (?)"))
                .isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
