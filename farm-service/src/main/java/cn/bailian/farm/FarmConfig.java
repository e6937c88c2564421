package cn.bailian.farm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** farm-service's own settings (prefix {@code farm}); the community's calendar is the kit's CommunityClock ({@code bailian.zone}). */
@ConfigMapping(prefix = "farm")
public interface FarmConfig {

    /** Default claim term. */
    @WithDefault("12")
    int claimTermMonths();

    /** A claim may be renewed only this close to the end of its term. */
    @WithDefault("60d")
    Duration renewalWindow();

    /** How long a waitlisted resident has to answer an offer before it passes on. */
    @WithDefault("72h")
    Duration offerDeadline();

    /** A claimed plot with no journal entry for this many weeks gets a warning. */
    @WithDefault("4")
    int neglectWeeks();

    /** Days between a warning and its re-inspection. */
    @WithDefault("14d")
    Duration reinspectAfter();

    Jobs jobs();

    interface Jobs {
        @WithDefault("60s")
        String offerLapseEvery();

        @WithDefault("1h")
        String claimExpiryEvery();

        @WithDefault("1h")
        String careEvery();
    }
}
