package cn.bailian.farm.plot;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Who holds a plot, for the plot map. The claim feature knows (it depends on plots, not the other way round) and
 * implements this, so the map can show holders without the plot feature importing claims.
 */
public interface PlotHolders {

    /** The resident holding each of these plots under an active claim; plots nobody holds are absent. */
    Map<UUID, UUID> holdersOf(Collection<UUID> plotIds);
}
