package corescale.stats.ranking;

import corescale.stats.model.PointSummary;
import corescale.stats.summary.Throughput;
import corescale.stats.summary.LogRatioTest;

import java.util.List;

/**
 * A point held back by the service or the CPUs it shares ({@link Eligibility.Reason#SERVICE_BOUND}),
 * never ranked, whose throughput is above the best ranked point's at its place: a candidate to be
 * called faster than every ranked point. Held back, it went at least as fast as measured (a service of
 * its own could only speed it up), so a lead over every ranked point holds for the model; a lag
 * would not, and neither would an order among points held back alike. The candidate is ahead when
 * {@code p}, adjusted with the other tests of its family, is a discovery.
 *
 * @param point the point held back
 * @param p     the largest two-sided p (logs of fork means, {@link Throughput#test}) of it against each ranked point, an
 *              intersection–union test of "faster than every one"; NaN where a pair cannot be tested
 */
public record HeldBackAhead(PointSummary point, double p) {

    /**
     * The candidates at one place, highest throughput first.
     *
     * @param place  every point of the place
     * @param ranked its ranked points, highest throughput first; no candidate without one
     */
    public static List<HeldBackAhead> candidates(List<PointSummary> place, List<PointSummary> ranked, Eligibility eligibility) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        double best = Throughput.mean(ranked.get(0));
        return place.stream()
                .filter(p -> eligibility.whyNot(p.key()).orElse(null) == Eligibility.Reason.SERVICE_BOUND
                        && Throughput.mean(p) > best)
                .sorted(java.util.Comparator.comparingDouble(Throughput::mean).reversed())
                .map(p -> new HeldBackAhead(p, pAheadOfAll(p, ranked))).toList();
    }

    private static double pAheadOfAll(PointSummary point, List<PointSummary> ranked) {
        double worst = 0;
        for (PointSummary r : ranked) {
            LogRatioTest w = Throughput.test(point, r);
            if (w == null || Double.isNaN(w.pChange())) {
                return Double.NaN;
            }
            worst = Math.max(worst, w.pChange());
        }
        return worst;
    }
}
