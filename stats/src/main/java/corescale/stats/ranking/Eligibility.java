package corescale.stats.ranking;

import corescale.stats.model.PointKey;
import corescale.stats.summary.LostUpdates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which points may be ranked, decided by what the benchmarks measured, not by a list of names: a
 * point that lost updates, or that reported increments whose critical section was not guarded
 * (the {@code unguarded} metric, e.g. an atomic add with the inside work done before it), is
 * correct at nothing it could win, so it is shown but never called fastest or best.
 */
public final class Eligibility {

    /** Every point may be ranked (no correctness metrics read). */
    public static final Eligibility ALL = new Eligibility(Map.of());

    static final String LOST = "lost updates";
    static final String UNGUARDED = "inside work not guarded";

    private final Map<PointKey, String> reasons;

    private Eligibility(Map<PointKey, String> reasons) {
        this.reasons = reasons;
    }

    public static Eligibility of(List<LostUpdates> correctness) {
        Map<PointKey, String> reasons = new HashMap<>();
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
