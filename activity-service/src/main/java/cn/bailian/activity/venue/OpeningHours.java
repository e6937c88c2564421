package cn.bailian.activity.venue;

import cn.bailian.kit.time.CommunityClock;
import jakarta.persistence.Embeddable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** One weekly opening window in local time; {@code closes} 00:00 means midnight at the end of the day. */
@Embeddable
public class OpeningHours {

    public short dayOfWeek;
    public LocalTime opens;
    public LocalTime closes;

    public OpeningHours() {}

    public OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
        this.dayOfWeek = (short) day.getValue();
        this.opens = opens;
        this.closes = closes;
    }

    public boolean closesAtMidnight() {
        return LocalTime.MIDNIGHT.equals(closes);
    }

    public boolean valid() {
        return opens != null && closes != null && (closesAtMidnight() || closes.isAfter(opens));
    }

    /**
     * Whether {@code [start, end)} lies within the windows, read on the community's wall clock. A booking across
     * midnight is allowed when both days' windows reach it (closing at 00:00 and opening at 00:00).
     */
    public static boolean covers(List<OpeningHours> windows, Instant start, Instant end, CommunityClock clock) {
        LocalDateTime s = clock.localTimeOf(start);
        LocalDateTime e = clock.localTimeOf(end);
        LocalDate day = s.toLocalDate();
        for (int days = 0; days < 366; days++, day = day.plusDays(1)) {
            LocalDateTime dayStart = day.atStartOfDay();
            LocalDateTime dayEnd = day.plusDays(1).atStartOfDay();
            LocalDateTime from = s.isAfter(dayStart) ? s : dayStart;
            LocalDateTime to = e.isBefore(dayEnd) ? e : dayEnd;
            if (!from.isBefore(to)) {
                return true;
            }
            if (!coveredOnDay(
                    windows, day.getDayOfWeek(), from.toLocalTime(), to.equals(dayEnd) ? null : to.toLocalTime())) {
                return false;
            }
            if (!e.isAfter(dayEnd)) {
                return true;
            }
        }
        return false;
    }

    /** {@code to == null} means up to midnight. */
    private static boolean coveredOnDay(List<OpeningHours> windows, DayOfWeek day, LocalTime from, LocalTime to) {
        for (OpeningHours w : windows) {
            if (w.dayOfWeek != day.getValue() || from.isBefore(w.opens)) {
                continue;
            }
            if (w.closesAtMidnight() || (to != null && !to.isAfter(w.closes))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpeningHours h
                && h.dayOfWeek == dayOfWeek
                && java.util.Objects.equals(h.opens, opens)
                && java.util.Objects.equals(h.closes, closes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dayOfWeek, opens, closes);
    }
}
