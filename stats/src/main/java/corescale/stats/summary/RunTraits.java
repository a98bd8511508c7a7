package corescale.stats.summary;

import java.util.Map;
import java.util.OptionalDouble;

import corescale.stats.model.ConfigPoint;
import corescale.stats.model.PointKey;

/**
 * What a run's run.json and points.csv say about how its points were measured, which their summaries carry.
 *
 * @param placeRounds   the sweep measured each place's variants in rounds ({@link PointSummary#roundsRun})
 * @param stateVariance σ², the variance on the log scale of the machine's state within the run, from its
 *                      canary readings ({@code run.MachineDrift}); NaN when it has fewer than two
 * @param targetsMet    the relative target each point the sweep stopped at its target was measured to, by
 *                      point and configuration ({@link TargetRule#interval})
 */
public record RunTraits(boolean placeRounds, double stateVariance, Map<ConfigPoint, Double> targetsMet) {

    /** Nothing known: measured in no rounds, no canary readings, no point stopped at a target. */
    public static final RunTraits NONE = new RunTraits(false, Double.NaN, Map.of());

    public RunTraits {
        targetsMet = Map.copyOf(targetsMet);
    }

    /** The target {@code key} of configuration {@code config} stopped at; empty when it stopped otherwise. */
    public OptionalDouble targetMet(PointKey key, String config) {
        Double target = targetsMet.get(new ConfigPoint(key, config));
        return target == null ? OptionalDouble.empty() : OptionalDouble.of(target);
    }
}
