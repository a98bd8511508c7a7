package corescale.stats.model;

import java.util.Map;
import java.util.Objects;

/**
 * One measured iteration: one row of {@code results.csv}, or one entry of a JMH JSON
 * {@code rawData} array. The score is already in the canonical unit of its mode
 * (see {@link Units}), so rows from different files can be combined.
 *
 * @param run       machine, JDK and run id
 * @param key       the point
 * @param unit      canonical unit of {@code score}, {@code ops/us} or {@code us/op}
 * @param fork      1-based fork number within the run
 * @param iteration 1-based measurement iteration within the fork
 * @param score     the measured value
 * @param secondary secondary metrics of this iteration by name (e.g. {@code lost_updates}), as written
 */
public record Measurement(RunInfo run, PointKey key, String unit, int fork, int iteration,
                          double score, Map<String, Double> secondary) {

    /** The point's mode. */
    public Mode mode() {
        return key.mode();
    }

    public Measurement {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        secondary = secondary == null || secondary.isEmpty() ? Map.of() : Map.copyOf(secondary);
    }
}
