package cn.bailian.fund;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Shared limits and clocks of the fund: money in integer fen, time as the community sees it. */
public final class Money {

    /** 1 亿元: no single amount may exceed it, so no sum of amounts can overflow a long. */
    public static final long MAX_AMOUNT_FEN = 10_000_000_000L;
    public static final String CURRENCY = "CNY";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Money() {
    }

    /** PostgreSQL keeps microseconds; the Java value must equal what is read back (the ledger hashes it). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime view(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
