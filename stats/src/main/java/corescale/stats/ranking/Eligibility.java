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
import java.util.Optional;

/**
 * Which points may be ranked, decided by what the benchmarks measured, not by a list of names: a
 * point that lost updates, or that reported increments whose critical section was not guarded
 * (the {@code unguarded} metric, e.g. an atomic add with the inside work done before it), is
 * correct at nothing it could win, so it is shown but never called fastest or best. Nor is a point
 * above its physical bound: that is a measurement error, not a win; nor one held back by the service
 * it waits on: its pace is the service's, not the model's. Nor is a point with fewer than
 * {@value WelchOnLogs#MIN_FORKS} fork means (one fork, or only JMH's pooled score): no run-to-run
 * variance is known, so no lead over it, or of it, can be told from noise.
 */
public final class Eligibility {

    /** Why a point is not ranked; {@code report.Wording} says it in words. */
    public enum Reason {
        /** The benchmark counted fewer increments than it made. */
        LOST_UPDATES,
        /** The benchmark reported increments whose critical section was not guarded. */
        UNGUARDED,
        /** Faster than its physical bound allows: a measurement error, not a win. */
        ABOVE_BOUND,
        /** One fork mean: no run-to-run variance known. */
        ONE_FORK,
        /** Only JMH's pooled score, no fork means. */
        POOLED,
        /**
         * An execution model held back by the service or the CPUs it shares (requests took over
         * {@link Bound#SERVICE_BOUND} times the service's delay): its throughput is the service's, not the model's.
         */
        SERVICE_BOUND
    }

    private final Map<PointKey, Reason> reasons;

    private Eligibility(Map<PointKey, Reason> reasons) {
        this.reasons = reasons;
    }

    public static Eligibility of(List<PointSummary> points, List<LostUpdates> correctness, Bounds bounds) {
        Map<PointKey, Reason> reasons = new HashMap<>();
        for (PointSummary p : points) {
            int forks = p.forkMeans().length;
            if (forks < WelchOnLogs.MIN_FORKS) {
                reasons.put(p.key(), forks == 0 ? Reason.POOLED : Reason.ONE_FORK);
            }
        }
        for (Bound b : bounds.all()) {
            if (b.aboveBound()) {
                reasons.put(b.key(), Reason.ABOVE_BOUND);
            } else if (b.serviceBound()) {
                reasons.put(b.key(), Reason.SERVICE_BOUND);
            }
        }
        for (LostUpdates c : correctness) {
            if (c.lost()) {
                reasons.put(c.key(), Reason.LOST_UPDATES);
            } else if (c.unguarded() > 0) {
                reasons.put(c.key(), Reason.UNGUARDED);
            }
        }
        return new Eligibility(Map.copyOf(reasons));
    }

    public boolean ranked(PointKey key) {
        return !reasons.containsKey(key);
    }

    /** Why the point is not ranked; empty when it is ranked. */
    public Optional<Reason> whyNot(PointKey key) {
        return Optional.ofNullable(reasons.get(key));
    }
}
