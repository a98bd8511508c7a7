package corescale.stats.ranking;

import corescale.stats.model.PointSummary;
import corescale.stats.summary.WelchOnLogs;
import corescale.stats.bounds.Bound;
import corescale.stats.bounds.Bounds;
import corescale.stats.model.PointKey;
import corescale.stats.summary.LostUpdates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which points may be ranked, decided by what the benchmarks measured, not by a list of names: a
 * point that lost updates, or that reported increments whose critical section was not guarded
 * (the {@code unguarded} metric, e.g. an atomic add with the inside work done before it), is
 * correct at nothing it could win, so it is shown but never called fastest or best. Nor is a point
 * above its physical bound: that is a measurement error, not a win. Nor is a point with fewer than
 * {@value WelchOnLogs#MIN_FORKS} fork means (one fork, or only JMH's pooled score): no run-to-run
 * variance is known, so no lead over it, or of it, can be told from noise.
 */
public final class Eligibility {

    static final String LOST = "lost updates";
    static final String UNGUARDED = "inside work not guarded";
    static final String ABOVE_BOUND = "above its physical bound (a measurement error)";
    static final String ONE_FORK = "one fork";
    static final String POOLED = "JMH pooled result, no fork means";

    private final Map<PointKey, String> reasons;

    private Eligibility(Map<PointKey, String> reasons) {
        this.reasons = reasons;
    }

    public static Eligibility of(List<PointSummary> points, List<LostUpdates> correctness) {
        return of(points, correctness, Bounds.NONE);
    }

    public static Eligibility of(List<PointSummary> points, List<LostUpdates> correctness, Bounds bounds) {
        Map<PointKey, String> reasons = new HashMap<>();
        for (PointSummary p : points) {
            int forks = p.forkMeans().length;
            if (forks < WelchOnLogs.MIN_FORKS) {
                reasons.put(p.key(), forks == 0 ? POOLED : ONE_FORK);
            }
        }
        for (Bound b : bounds.all()) {
            if (b.aboveBound()) {
                reasons.put(b.key(), ABOVE_BOUND);
            }
        }
        for (LostUpdates c : correctness) {
            if (c.total() > 0) {
                reasons.put(c.key(), LOST);
            } else if (c.unguarded() > 0) {
                reasons.put(c.key(), UNGUARDED);
            }
        }
        return new Eligibility(Map.copyOf(reasons));
    }

    public boolean ranked(PointKey key) {
        return !reasons.containsKey(key);
    }

    /** Why the point is not ranked, e.g. "lost updates"; empty when it is ranked. */
    public String whyNot(PointKey key) {
        return reasons.getOrDefault(key, "");
    }
}
