package cn.bailian.fund;

import cn.bailian.kit.time.CommunityClock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Shared limits of the fund's money (integer fen) and how its instants are stored and shown; the community's zone
 * is the kit's {@link CommunityClock}.
 */
public final class Money {

    /** 1 亿元: no single amount may exceed it, so no sum of amounts can overflow a long. */
    public static final long MAX_AMOUNT_FEN = 10_000_000_000L;

    public static final String CURRENCY = "CNY";
    /** The views are static mappers outside CDI: they read the community's zone from the kit's system clock. */
    private static final CommunityClock CLOCK = new CommunityClock();

    private Money() {}

    /**
     * The current instant as PostgreSQL keeps it (microseconds): the Java value must equal what is read back (the
     * ledger hashes it). An instant, not a calendar value: dates go through the community clock.
     */
    public static Instant timestamp() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** An instant as the API shows it: at the community's offset (+08:00). */
    public static OffsetDateTime view(Instant instant) {
        return instant == null ? null : CLOCK.offsetOf(instant);
    }
}
