package cn.bailian.activity.venue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.kit.time.CommunityClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** The opening-hours rule alone (a pure function of the windows and the time zone). */
class OpeningHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 2026-12-05 is a Saturday
    private static final List<OpeningHours> WINDOWS = List.of(
            new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(14, 0), LocalTime.MIDNIGHT),
            new OpeningHours(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(2, 0)));

    private static CommunityClock clockIn(ZoneId zone) {
        return new CommunityClock(Clock.system(zone));
    }

    private static boolean covers(String from, String to) {
        return OpeningHours.covers(
                WINDOWS,
                LocalDateTime.parse(from).atZone(SHANGHAI).toInstant(),
                LocalDateTime.parse(to).atZone(SHANGHAI).toInstant(),
                clockIn(SHANGHAI));
    }

    @Test
    void aBookingMustLieWithinOneWindow() {
        assertThat(covers("2026-12-05T09:00", "2026-12-05T12:00")).isTrue();
        assertThat(covers("2026-12-05T10:00", "2026-12-05T11:00")).isTrue();
        assertThat(covers("2026-12-05T08:59", "2026-12-05T10:00")).isFalse();
        assertThat(covers("2026-12-05T11:00", "2026-12-05T12:01")).isFalse();
        // across the lunch break: two windows, but not one
        assertThat(covers("2026-12-05T11:00", "2026-12-05T15:00")).isFalse();
        // another day of the week
        assertThat(covers("2026-12-04T10:00", "2026-12-04T11:00")).isFalse();
    }

    @Test
    void midnightClosesTheDayAndABookingMayRunIntoTheNextDaysWindow() {
        assertThat(covers("2026-12-05T20:00", "2026-12-06T00:00")).isTrue();
        assertThat(covers("2026-12-05T22:00", "2026-12-06T01:30")).isTrue();
        assertThat(covers("2026-12-05T22:00", "2026-12-06T02:30")).isFalse();
        assertThat(covers("2026-12-06T00:00", "2026-12-06T02:00")).isTrue();
    }

    @Test
    void windowsAreReadInTheCommunitysZone() {
        // 12:30 UTC is 20:30 in Shanghai: open there, in the lunch break by UTC's clock
        java.time.Instant from = java.time.Instant.parse("2026-12-05T12:30:00Z");
        java.time.Instant to = java.time.Instant.parse("2026-12-05T13:00:00Z");
        assertThat(OpeningHours.covers(WINDOWS, from, to, clockIn(SHANGHAI))).isTrue();
        assertThat(OpeningHours.covers(WINDOWS, from, to, clockIn(ZoneId.of("UTC"))))
                .isFalse();
    }

    @Test
    void closingMustFollowOpeningUnlessItIsMidnight() {
        assertThat(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(8, 0)).valid())
                .isFalse();
        assertThat(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 0)).valid())
                .isFalse();
        assertThat(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.MIDNIGHT).valid())
                .isTrue();
    }
}
