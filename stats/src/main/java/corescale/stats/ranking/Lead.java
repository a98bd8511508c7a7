package corescale.stats.ranking;

import corescale.stats.model.PointSummary;
import corescale.stats.summary.FalseDiscovery;
import corescale.stats.summary.LogRatioTest;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The leader among the ranked points that compete at one place (same benchmark, params, mode, cores
 * and threads), and whether it leads every other one by more than noise.
 *
 * @param first  the ranked point with the highest throughput
 * @param second the ranked runner-up
 * @param ratio  throughput of first over second, with its 95% interval ({@link Throughput#ratio})
 * @param p      the largest of the two-sided p-values ({@link Throughput#test}) of first against each other ranked point:
 *               "first is fastest" holds only if it beats every one (an intersection–union test,
 *               which needs no correction within the place); NaN when a pair shows no spread
 * @param q      {@code p} adjusted over every lead of the report and every point that might be ahead though held
 *               back (Benjamini–Hochberg), see {@link Leads}
 * @param pSame  the equivalence test's p of first and second within ±{@link LogRatioTest#DEFAULT_THRESHOLD}
 *               (TOST on the same logs); NaN when the pair shows no spread
 */
public record Lead(PointSummary first, PointSummary second, Ratio ratio, double p, double q, double pSame) {

    /**
     * Where the first stands against the second. Shown within ±{@link LogRatioTest#DEFAULT_THRESHOLD}
     * (the equivalence test at {@link FalseDiscovery#ALPHA}) is a tie even where the lead is also a
     * discovery: the band is the difference that matters, as in compare's "same".
     */
    public enum Standing {
        /** The lead is a discovery at the false-discovery rate, and the two are not shown within the band. */
        LEADS,
        /** Shown within the band. */
        TIED,
        /** Neither shown within the band nor a discovery: the forks cannot tell them apart. */
        NOT_TOLD_APART;

        /**
         * The one rule, for any two points where the second is tested against the first.
         *
         * @param pSame the equivalence test's p within the band
         * @param q     the p of their difference adjusted over its family
         */
        public static Standing of(double pSame, double q) {
            return pSame < FalseDiscovery.ALPHA ? TIED : q <= FalseDiscovery.ALPHA ? LEADS : NOT_TOLD_APART;
        }
    }

    /** What the test of the lead found. */
    public enum Evidence {
        /** A discovery at the false-discovery rate {@link FalseDiscovery#ALPHA}. */
        DISCOVERY,
        /** Tested, and not a discovery. */
        NOT_A_DISCOVERY,
        /** Not tested: a pair of fork means without spread (p NaN). */
        NO_SPREAD
    }

    /** Where the first stands against the second, by {@link Standing#of}. */
    public Standing standing() {
        return Standing.of(pSame, q);
    }

    /** Whether the lead over every other is a discovery, not one, or could not be tested. */
    public Evidence evidence() {
        return q <= FalseDiscovery.ALPHA ? Evidence.DISCOVERY : Double.isNaN(p) ? Evidence.NO_SPREAD : Evidence.NOT_A_DISCOVERY;
    }

    /** The place's ranked points, highest throughput first. */
    static List<PointSummary> ranked(List<PointSummary> place, Eligibility eligibility) {
        return place.stream().filter(p -> eligibility.ranked(p.key()))
                .sorted(Comparator.comparingDouble(Throughput::mean).reversed()).toList();
    }

    /** The ranked point with the highest throughput; empty when none may be ranked. */
    public static Optional<PointSummary> best(List<PointSummary> place, Eligibility eligibility) {
        return ranked(place, eligibility).stream().findFirst();
    }
}
