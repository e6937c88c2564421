package cn.bailian.kit.time;

import cn.bailian.kit.KitConfig;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The community's calendar, the one home of "today" and of every instant ↔ date conversion in all four services.
 *
 * <p>Dates in this platform (claim terms, move-outs, birth dates and ages, session days, report months) are calendar
 * dates in the community's zone ({@code bailian.zone}, Asia/Shanghai), never the server's: containers run in UTC,
 * eight hours behind Chengdu, so between midnight and 08:00 there a date taken from the JVM's zone is yesterday's.
 * Bean Validation's {@code @PastOrPresent} and {@code @Past} read their clock here too (Quarkus uses a
 * {@link ClockProvider} bean). Code outside CDI (a static validator) uses {@link #system()}.
 */
@ApplicationScoped
public class CommunityClock implements ClockProvider {

    private static final Clock SYSTEM = new CommunityZoneClock();

    private final Clock clock;

    public CommunityClock() {
        this(SYSTEM);
    }

    /** A clock fixed or offset for a test; production code injects the bean. */
    public CommunityClock(Clock clock) {
        this.clock = clock;
    }

    /** The system clock in the community's zone, for code that CDI does not construct. */
    public static Clock system() {
        return SYSTEM;
    }

    @Override
    public Clock getClock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The community's calendar date of an instant. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }

    /** The community's wall-clock time of an instant. */
    public LocalDateTime localTimeOf(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone());
    }

    /** The instant a community day starts (midnight there). */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone()).toInstant();
    }

    /** An instant at a wall-clock time in the community. */
    public Instant instantAt(LocalDateTime localTime) {
        return localTime.atZone(zone()).toInstant();
    }

    /** An instant shown with the community's offset (+08:00). */
    public OffsetDateTime offsetOf(Instant instant) {
        return instant.atZone(zone()).toOffsetDateTime();
    }

    /**
     * The system clock in {@code bailian.zone}, read on first use: the validator factory takes its clock while the
     * application starts, before the runtime configuration exists.
     */
    private static final class CommunityZoneClock extends Clock {

        private volatile ZoneId zone;

        @Override
        public ZoneId getZone() {
            ZoneId z = zone;
            if (z == null) {
                z = ConfigProvider.getConfig()
                        .unwrap(SmallRyeConfig.class)
                        .getConfigMapping(KitConfig.class)
                        .zone();
                zone = z;
            }
            return z;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return Clock.system(other);
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }
    }
}
