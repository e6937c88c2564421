package cn.bailian.fund;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** fund-service's own settings (prefix {@code fund}). */
@ConfigMapping(prefix = "fund")
public interface FundConfig {

    /** How long a reviewed project stays in public notice (公示) before it may be approved. */
    @WithDefault("P7D")
    Duration noticePeriod();

    /** How often the scheduler looks for notice periods that have ended. */
    @WithDefault("60s")
    String noticeCheckEvery();

    /**
     * Queue bursts of money movements on one fund in the JVM before they take a database connection
     * (MoneyGate). Correctness never depends on it: the database row locks decide.
     */
    @WithDefault("true")
    boolean moneyGate();

    /**
     * How many money movements of one fund may hold a connection at once. One of them holds the fund's row lock;
     * the others meanwhile do the work before it (idempotency, the fund, the donor, validation) and wait on the
     * row lock in PostgreSQL, so the lock is handed on without a JVM round trip. With 1 the whole request of each
     * movement ran alone and the fund's throughput was a quarter of what the database allows (bench/analysis.md).
     */
    @WithDefault("4")
    int moneyGatePermits();

    /** First part of every receipt number: BL-2026-000123. */
    @WithDefault("BL")
    String receiptPrefix();
}
