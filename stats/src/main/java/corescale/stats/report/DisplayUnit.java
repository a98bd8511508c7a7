package corescale.stats.report;

import java.util.Arrays;
import java.util.List;

import corescale.stats.model.PointSummary;
import corescale.stats.model.Units;

/**
 * The unit a table or chart shows: the canonical {@code ops/us} or {@code us/op} of the summaries,
 * scaled so that its values read as plain numbers (185 ops/s, not 0.000185 ops/us).
 *
 * @param unit   the unit shown
 * @param factor what canonical values are multiplied by to be in {@code unit}
 */
record DisplayUnit(String unit, double factor) {

    /**
     * The one unit of a benchmark in one mode, whatever its params, in its tables and all its charts,
     * so that a reader finds the same numbers in both and never reads two settings side by side in
     * units 1000× apart: {@link #forValues} over the points' means, in their own canonical unit
     * ({@code us/op} for a time mode, whose charts show time per operation too).
     *
     * @param points the benchmark's points in one mode, all in one canonical unit
     */
    static DisplayUnit forBenchmark(List<PointSummary> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to choose a unit by");
        }
        return forValues(points.get(0).unit(), points.stream().mapToDouble(PointSummary::mean).toArray());
    }

    /** The largest unit in which the smallest of {@code values} is still at least 1. */
    static DisplayUnit forValues(String canonical, double... values) {
        double smallest = Arrays.stream(values).filter(v -> Double.isFinite(v) && v > 0).min().orElse(Double.NaN);
        if (Double.isNaN(smallest)) {
            return new DisplayUnit(canonical, 1);
        }
        if (canonical.equals(Units.THROUGHPUT)) {
            if (smallest >= 1) {
                return new DisplayUnit("ops/us", 1);
            }
            return smallest * 1e3 >= 1 ? new DisplayUnit("ops/ms", 1e3) : new DisplayUnit("ops/s", 1e6);
        }
        if (canonical.equals(Units.TIME)) {
            if (smallest >= 1000) {
                return new DisplayUnit("ms/op", 1e-3);
            }
            return smallest < 1 ? new DisplayUnit("ns/op", 1e3) : new DisplayUnit("us/op", 1);
        }
        return new DisplayUnit(canonical, 1);
    }
}
