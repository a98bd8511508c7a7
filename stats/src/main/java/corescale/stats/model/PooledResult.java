package corescale.stats.model;

import java.util.Map;
import java.util.Objects;

/**
 * A point for which only JMH's own aggregate is known (JMH CSV, or JMH JSON without
 * {@code rawData}): one score and JMH's interval, computed over all iterations of all forks pooled
 * together. Such an interval ignores run-to-run variance, and reports must say so.
 *
 * @param run        machine and JDK, as far as the file tells
 * @param key        the point
 * @param unit       canonical unit (see {@link Units})
 * @param forks      forks, or 0 when the file does not say (JMH CSV)
 * @param samples    iterations over all forks
 * @param score      JMH's score
 * @param error999   half-width of JMH's 99.9% interval, NaN when JMH could not compute one
 * @param secondary  secondary metric scores by name, as written
 */
public record PooledResult(RunInfo run, PointKey key, String unit, int forks, int samples,
                           double score, double error999, Map<String, Double> secondary) {

    /** JMH's level for its score error (the {@code error999} here): 99.9%. */
    public static final double JMH_LEVEL = 0.999;

    /** The point's mode. */
    public Mode mode() {
        return key.mode();
    }

    public PooledResult {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        secondary = secondary == null || secondary.isEmpty() ? Map.of() : Map.copyOf(secondary);
    }
}
