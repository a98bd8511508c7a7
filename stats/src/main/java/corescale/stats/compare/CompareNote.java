package corescale.stats.compare;

import java.util.List;

/**
 * A caveat of a compared point, or what a whole comparison left out or chose; {@code report.Wording}
 * says it in words. Each case carries the numbers and names its sentence needs.
 */
public sealed interface CompareNote {

    /** The side of a comparison a note is about. */
    enum Side { BASE, OTHER, BOTH }

    /** The cases that need no numbers. */
    enum Plain implements CompareNote {
        /** Paired configurations: a fork mean is not positive, so no log ratio. */
        FORK_MEAN_NOT_POSITIVE,
        /** Replicate runs: a run's fork mean is not positive. */
        RUN_MEAN_NOT_POSITIVE,
        /** Replicate runs, but the point is in one run a side: compared by its forks, with the drift those two runs' canaries saw. */
        ONE_RUN_A_SIDE,
        /** One side has a single run: taken to vary from run to run as much as the other side's runs. */
        SINGLE_RUN_SIDE_VARIES_AS_OTHER,
        /**
         * The values compared (fork means, rounds' ratios or run means) agree within about a millionth
         * ({@code LogRatioTest.NO_SPREAD_SE}): no spread, so no interval and no verdict.
         */
        NO_SPREAD,
        /** Replicate runs with different largest core counts: curves compared between the first run of each side. */
        CURVES_FROM_FIRST_RUNS,
        /** The canary's memory kernel walked chains of different sizes on the two sides: its times are not compared. */
        CANARY_CHAINS_DIFFER
    }

    /** The point is found on one side only; the name is the side it is missing from. */
    record NotIn(String name) implements CompareNote {
    }

    /** A side has only JMH's pooled result, no fork means. */
    record SidePooled(Side side) implements CompareNote {
    }

    /** A side has fewer fork means than a verdict needs. */
    record SideTooFewForks(Side side, int forks, int needed) implements CompareNote {
    }

    /** A side has a fork mean that is not positive. */
    record SideForkMeanNotPositive(Side side) implements CompareNote {
    }

    /** Paired configurations: fewer pairs of forks than a verdict needs. */
    record TooFewPairs(int pairs, int needed) implements CompareNote {
    }

    /** Replicate runs: the point is in only some runs of a side. */
    record MissingRuns(Side side, int in, int of) implements CompareNote {
    }

    /** The fork means of one side, or both, form two modes. */
    record Unstable(Side side) implements CompareNote {
    }

    /**
     * The point was held back by the service or the CPUs it shares on one side, or both (its requests took
     * over {@link corescale.stats.bounds.Bound#SERVICE_BOUND} times the delay): a change there is the
     * service's pace as much as the model's.
     */
    record ServiceBound(Side side) implements CompareNote {
    }

    /** Paired configurations: forks without a partner of the same round, dropped, per configuration. */
    record ForksUnpaired(List<Unpaired> configurations) implements CompareNote {
        public ForksUnpaired {
            configurations = List.copyOf(configurations);
        }
    }

    /** The fork numbers of one configuration left without a partner. */
    record Unpaired(String name, List<Integer> forks) {
        public Unpaired {
            forks = List.copyOf(forks);
        }
    }

    /** Of the whole comparison: forks dropped for want of a partner, and at how many points. */
    record UnpairedTotal(int forks, int points) implements CompareNote {
    }

    /** Of the whole comparison: its verdicts adjusted together with the other comparisons of the call. */
    record AdjustedTogether(int otherComparisons, int points) implements CompareNote {
    }
}
