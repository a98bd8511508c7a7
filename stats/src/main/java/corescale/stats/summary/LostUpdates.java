package corescale.stats.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.PointKey;

/**
 * Correctness of one point: the {@code lost_updates} secondary metric summed over its measured
 * iterations. A counter that loses updates is reported, never averaged away.
 *
 * @param total              updates lost in all measured iterations together
 * @param iterationsWithLoss measured iterations that lost at least one update
 * @param iterations         measured iterations that reported the metric
 */
public record LostUpdates(PointKey key, double total, int iterationsWithLoss, int iterations) {

    /** The secondary metric the counters benchmarks report. */
    public static final String METRIC = "lost_updates";

    /** One row per point that reports the metric, in point order. */
    public static List<LostUpdates> of(List<LoadedInput> inputs) {
        Map<PointKey, double[]> byPoint = new TreeMap<>();
        for (LoadedInput input : inputs) {
            for (Measurement m : input.measurements()) {
                Double lost = m.secondary().get(METRIC);
                if (lost != null && !lost.isNaN()) {
                    double[] acc = byPoint.computeIfAbsent(m.key(), k -> new double[3]);
                    acc[0] += lost;
                    acc[1] += lost > 0 ? 1 : 0;
                    acc[2] += 1;
                }
            }
        }
        List<LostUpdates> rows = new ArrayList<>();
        byPoint.forEach((key, acc) -> rows.add(new LostUpdates(key, acc[0], (int) acc[1], (int) acc[2])));
        return rows;
    }
}
