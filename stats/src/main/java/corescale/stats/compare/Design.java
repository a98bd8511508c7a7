package corescale.stats.compare;

import corescale.stats.summary.Ratio;
import java.util.Locale;

/**
 * How the two sides of a comparison were replicated, which decides each point's test
 * (stats/STATISTICS.md): the unit of replication the interval is built from.
 */
public enum Design {
    /**
     * One run a side: Welch's t on the logs of fork means, the machine's drift between the runs (from the
     * canary: {@link RunToRun}) added to each point's variance.
     */
    FORKS,
    /**
     * Two configurations interleaved in one run, forks paired by round: the logs of fork means with the
     * round as a random effect ({@link corescale.stats.summary.MixedOnLogs}): the paired t on per-round
     * log differences when the rounds share a round effect, the pooled t on the same fork means when REML
     * finds none, p-values corrected for that choice.
     */
    PAIRED,
    /**
     * Two or more runs on a side: the run is the unit (run &gt; fork &gt; iteration); Welch's t on the
     * runs' mean log fork means, or, when one side has a single run, the other side's run-to-run
     * variance for both.
     */
    RUNS;

    /** How a {@link corescale.stats.summary.Ratio}'s interval was found under this design. */
    public Ratio.Method method() {
        return switch (this) {
            case FORKS -> Ratio.Method.WELCH_LOG;
            case PAIRED -> Ratio.Method.MIXED_LOG;
            case RUNS -> Ratio.Method.RUNS_LOG;
        };
    }

    /** As written in compare.csv: {@code forks}, {@code paired}, {@code runs}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
