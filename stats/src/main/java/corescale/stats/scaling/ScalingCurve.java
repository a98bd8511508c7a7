package corescale.stats.scaling;

import java.util.List;
import java.util.Objects;

/**
 * One scaling curve with everything {@code scaling.csv}, the report and the charts need.
 *
 * @param key       which benchmark, variant, params, mode and axis
 * @param unit      unit of the throughputs (after conversion from time per operation, if any)
 * @param baselineN N₀, the smallest N measured, that speedups are relative to (NaN with no points)
 * @param points    the points in increasing N; empty when the mode cannot be scaled
 * @param usl       the USL fit, or why there is none
 * @param amdahl    the Amdahl fit, or why there is none
 * @param notes     what was done to the data, in this order; empty when nothing
 */
public record ScalingCurve(CurveKey key, String unit, double baselineN, List<ScalingPoint> points,
                           UslFit usl, AmdahlFit amdahl, List<Note> notes) {

    /** What was done to a curve's data; the numbers a note needs are the curve's own (mode, axis, N₀). */
    public enum Note {
        /** A time mode turned into throughput as threads / time ({@link AsThroughput}). */
        TIME_AS_THROUGHPUT,
        /** No point at N = 1: speedup, efficiency and Karp–Flatt are relative to N₀. */
        BASELINE_NOT_ONE,
        /** Every point one unit at a time by construction: listed without any measure. */
        ONE_AT_A_TIME,
        /** Single-shot mode: listed without any measure. */
        SINGLE_SHOT
    }

    public ScalingCurve {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        points = List.copyOf(points);
        Objects.requireNonNull(usl, "usl");
        Objects.requireNonNull(amdahl, "amdahl");
        notes = List.copyOf(notes);
    }

    /**
     * The same curve with throughputs in another unit, {@code factor} times the numbers of this
     * one (e.g. 1e6 from ops/us to ops/s): for display; speedups and fits' shapes do not change.
     */
    public ScalingCurve inUnit(String newUnit, double factor) {
        List<ScalingPoint> scaled = points.stream().map(p -> new ScalingPoint(p.n(), p.throughput() * factor,
                p.low() * factor, p.high() * factor, p.speedup(), p.speedupLow(), p.speedupHigh(), p.efficiency(), p.karpFlatt(), p.unstable())).toList();
        UslFit u = usl.times(factor);
        AmdahlFit a = new AmdahlFit(amdahl.serialFraction(), amdahl.stdError(), amdahl.low(), amdahl.high(),
                amdahl.lambda() * factor, amdahl.rSquared(), amdahl.points(), amdahl.distinctN(), amdahl.errors(),
                amdahl.noFit());
        return new ScalingCurve(key, newUnit, baselineN, scaled, u, a, notes);
    }

    /**
     * The error model both fits of this curve use ({@link ErrorModel#forObservations}), or null when
     * neither was fitted.
     */
    public ErrorModel errors() {
        return usl.fitted() ? usl.errors() : amdahl.fitted() ? amdahl.errors() : null;
    }

    /** Whether it has a speedup to give: two or more points, the first its baseline. */
    public boolean hasSpeedup() {
        return points.size() >= 2;
    }

    /** The largest N measured, NaN with no points. */
    public double nMax() {
        return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).n();
    }

    /** The point at the largest N (the last of several there), or null with no points. */
    public ScalingPoint atMax() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    /**
     * The ideal linear line at {@code n}: λN from the USL fit when there is one, else the baseline
     * throughput scaled linearly, X(N₀)·N/N₀. NaN with no points.
     */
    public double ideal(double n) {
        if (usl.fitted()) {
            return usl.model().ideal(n);
        }
        if (points.isEmpty()) {
            return Double.NaN;
        }
        return points.get(0).throughput() / points.get(0).speedup() * n / baselineN;
    }
}
