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

    /** No lead: the lead is not a discovery at the false-discovery rate {@link FalseDiscovery#ALPHA}. */
    public boolean tied() {
        return !(q <= FalseDiscovery.ALPHA);
    }

    /**
     * First and second shown within ±{@link LogRatioTest#DEFAULT_THRESHOLD} of each other (the equivalence
     * test at {@link FalseDiscovery#ALPHA}); without a lead and without this, they are not told apart.
     */
    public boolean withinBand() {
        return pSame < FalseDiscovery.ALPHA;
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
