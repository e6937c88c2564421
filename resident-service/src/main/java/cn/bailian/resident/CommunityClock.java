package cn.bailian.resident;

import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" is the community's calendar date, not the server's: a container runs in UTC, eight hours behind Chengdu,
 * so between midnight and 08:00 there a move-out dated today was "in the future". Bean Validation's
 * {@code @PastOrPresent} and {@code @Past} read their clock here (Quarkus uses a {@link ClockProvider} bean).
 */
@ApplicationScoped
public class CommunityClock implements ClockProvider {

    private final Clock clock = new CommunityZoneClock();

    @Override
    public Clock getClock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The system clock in {@code resident.zone}, read on first use: the validator factory takes its clock while the
     * application starts, before the runtime configuration exists.
     */
    private static final class CommunityZoneClock extends Clock {

        private volatile ZoneId zone;

        @Override
        public ZoneId getZone() {
            ZoneId z = zone;
            if (z == null) {
                z = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(ResidentConfig.class).zone();
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
