package cn.bailian.activity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** activity-service's own settings (prefix {@code activity}); the community's zone is the kit's {@code bailian.zone}. */
@ConfigMapping(prefix = "activity")
public interface ActivityConfig {

    /** A venue booking not checked in this long after its start is released. */
    @WithDefault("15m")
    Duration noShowGrace();

    /** Check-in to a venue booking opens this long before its start. */
    @WithDefault("15m")
    Duration checkInOpensBefore();

    /** How often the no-show release runs. */
    @WithDefault("60s")
    Duration noShowScanInterval();
}
