package cn.bailian.farm.plot;

import java.time.Instant;

/**
 * A plot has just become AVAILABLE (a claim ended, an offer closed, staff took it out of maintenance), and is
 * locked with its farm by whoever fires this. Fired synchronously in that transaction; the waitlist observes it and
 * offers the plot to the next in line, so the plot feature knows nothing of waitlists.
 */
public record PlotFreed(Plot plot, Instant at) {}
