package corescale.stats.contention;

import corescale.stats.model.Curve;
import corescale.stats.model.Place;
import corescale.stats.model.PointSummary;
import corescale.stats.ranking.Eligibility;
import corescale.stats.ranking.Lead;
import corescale.stats.ranking.Leads;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each variant loses to contention: its throughput at N threads over its own throughput
 * at 1 thread (same benchmark, params and cores), and against the best variant at the same point.
 *
 * <p>Intervals are {@link Throughput#ratio}'s, on the logs of both sides' fork means (paired by round
 * within a run measured in place rounds, else Welch's); where a side has fewer than two fork means
 * (one fork, or JMH's pooled results), the ratio has no interval.
 * When no 1-thread point exists at the same cores (the default sweep runs threads = cores), the
 * 1-thread point at the fewest cores is used and {@code baseline_cores} says which.
 *
 * <p>The best variant at a point is the fastest of those that may be ranked ({@link Eligibility}):
 * a variant that lost updates or did not guard its inside work gets its ratio against that best,
 * is never the best itself, and its row says why ({@link ContentionRow#notRanked()}).
 */
public final class Contention {

    public List<ContentionRow> analyse(List<PointSummary> points, Eligibility eligibility) {
        Map<Curve, List<PointSummary>> oneThread = new HashMap<>();
        Map<Place, List<PointSummary>> places = new HashMap<>();
        for (PointSummary s : points) {
            if (s.key().threads() == 1) {
                oneThread.computeIfAbsent(Curve.of(s.key()), c -> new ArrayList<>()).add(s);
            }
            places.computeIfAbsent(Place.of(s.key()), p -> new ArrayList<>()).add(s);
        }
        Map<Place, PointSummary> best = new HashMap<>();
        places.forEach((place, at) -> Lead.best(at, eligibility).ifPresent(b -> best.put(place, b)));
        List<ContentionRow> rows = new ArrayList<>();
        List<PointSummary> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(PointSummary::key));
        for (PointSummary s : sorted) {
            PointSummary base = baseline(s, oneThread.getOrDefault(Curve.of(s.key()), List.of()));
            Ratio vsOne = base == null ? Ratio.NONE : base == s ? Ratio.ONE : Throughput.ratio(s, base);
            int baseCores = base == null ? -1 : base.key().cores();
            PointSummary top = best.get(Place.of(s.key()));
            Ratio vsBest = top == null ? Ratio.NONE : top == s ? Ratio.ONE : Throughput.ratio(s, top);
            rows.add(new ContentionRow(s.key(), Throughput.mean(s), baseCores, vsOne,
                    top == null ? "" : top.key().variant(), vsBest, eligibility.whyNot(s.key()).orElse(null)));
        }
        return rows;
    }

    /** The 1-thread point (same mode) at the same cores, else at the fewest cores; null when the variant has none. */
    private static PointSummary baseline(PointSummary s, List<PointSummary> candidates) {
        PointSummary fewest = null;
        for (PointSummary c : candidates) {
            if (c.key().cores() == s.key().cores()) {
                return c;
            }
            if (fewest == null || c.key().cores() < fewest.key().cores()) {
                fewest = c;
            }
        }
        return fewest;
    }
}
