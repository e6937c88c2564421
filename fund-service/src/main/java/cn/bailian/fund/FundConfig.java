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

    /** First part of every receipt number: BL-2026-000123. */
    @WithDefault("BL")
    String receiptPrefix();
}
