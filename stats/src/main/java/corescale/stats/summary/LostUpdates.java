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
 * iterations, and the {@code unguarded} one (increments whose read, inside work and write were not
 * one exclusive step). A counter that loses updates is reported, never averaged away.
 *
 * @param total              updates lost in all measured iterations together
 * @param iterationsWithLoss measured iterations that lost at least one update
 * @param iterations         measured iterations that reported the metric
 * @param unguarded          increments not guarded, all measured iterations together (0 when not reported)
 */
public record LostUpdates(PointKey key, double total, int iterationsWithLoss, int iterations, double unguarded) {

    /** The secondary metric the counters benchmarks report. */
    public static final String METRIC = "lost_updates";

    /** The counters benchmarks' count of increments whose critical section was not guarded. */
    public static final String UNGUARDED = "unguarded";

    /** Whether the point lost any update: then it is reported, never ranked. */
    public boolean lost() {
        return total > 0;
    }

    /** One row per point that reports the metric, in point order. */
    public static List<LostUpdates> of(List<LoadedInput> inputs) {
        Map<PointKey, double[]> byPoint = new TreeMap<>();
        for (LoadedInput input : inputs) {
            // Rows of one point come together and share their key, so the last point's sums are reused.
            PointKey last = null;
            double[] acc = null;
            for (Measurement m : input.measurements()) {
                Double lost = m.secondary().get(METRIC);
                Double unguarded = m.secondary().get(UNGUARDED);
                boolean hasLost = lost != null && !lost.isNaN();
                boolean hasUnguarded = unguarded != null && !unguarded.isNaN();
                if (!hasLost && !hasUnguarded) {
                    continue;
                }
                if (m.key() != last) {
                    last = m.key();
                    acc = byPoint.computeIfAbsent(last, k -> new double[4]);
                }
                if (hasLost) {
                    acc[0] += lost;
                    acc[1] += lost > 0 ? 1 : 0;
                    acc[2] += 1;
                }
                if (hasUnguarded) {
                    acc[3] += unguarded;
                }
            }
        }
        List<LostUpdates> rows = new ArrayList<>();
        byPoint.forEach((key, acc) -> rows.add(new LostUpdates(key, acc[0], (int) acc[1], (int) acc[2], acc[3])));
        return rows;
    }
}
