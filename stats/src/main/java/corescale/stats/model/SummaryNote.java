package corescale.stats.model;

import java.util.List;

/**
 * Why a point's interval is weaker than usual, or what its summary combined; {@code report.Wording}
 * says it in words. The summariser ({@code summary.Summarizer}) decides; each case carries the
 * numbers its sentence needs.
 */
public sealed interface SummaryNote {

    /** The cases that need no numbers. */
    enum Plain implements SummaryNote {
        /** One fork of one iteration: no interval at all. */
        ONE_FORK_ONE_ITERATION,
        /** One fork: the interval is over its iterations and ignores run-to-run variance. */
        ONE_FORK,
        /** JMH's pooled-only results for the point were ignored in favour of per-iteration data. */
        POOLED_IGNORED,
        /** Only JMH's pooled score: its interval (rescaled to 95%) ignores run-to-run variance. */
        POOLED_INTERVAL,
        /**
         * The values the interval would be over agree within about a millionth (a standard error of the
         * log mean at most {@code summary.LogRatioTest.NO_SPREAD_SE}): the measurement's resolution, so no interval.
         */
        NO_SPREAD
    }

    /** The point's runs come from more than one host. */
    record CombinesHosts(List<String> hosts) implements SummaryNote {
        public CombinesHosts {
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * The sweep stopped the point when its forks met this relative target: its interval is the mean ±
     * the target ({@code summary.TargetRule}), wider than the t interval of forks that stopped when
     * they agreed.
     */
    record AtTarget(double target) implements SummaryNote {
    }

    /** JMH pooled scores of several files, each taken as a replicate (no per-fork data). */
    record PooledFilesAsReplicates(int files) implements SummaryNote {
    }
}
