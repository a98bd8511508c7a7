package corescale.stats.scaling;

import corescale.stats.model.Curve;
import corescale.stats.model.Mode;
import java.util.Comparator;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Identity of one scaling curve.
 *
 * @param family     benchmark family
 * @param benchmark  benchmark name
 * @param variant    variant
 * @param params     other parameters, {@code k=v;k=v}
 * @param mode       the benchmark mode the points were measured in
 * @param axis       what N counts
 * @param fixedCores the core count held fixed along a {@link Axis#THREADS} curve; empty for {@link Axis#CORES}
 */
public record CurveKey(String family, String benchmark, String variant, String params, Mode mode, Axis axis,
                       OptionalInt fixedCores) implements Comparable<CurveKey> {

    private static final Comparator<CurveKey> ORDER = Comparator
            .comparing(CurveKey::family)
            .thenComparing(CurveKey::benchmark)
            .thenComparing(CurveKey::variant)
            .thenComparing(CurveKey::params)
            .thenComparing(CurveKey::mode)
            .thenComparing(CurveKey::axis)
            .thenComparingInt(k -> k.fixedCores.orElse(0));

    public CurveKey {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(fixedCores, "fixedCores");
        if ((axis == Axis.THREADS) != fixedCores.isPresent()) {
            throw new IllegalArgumentException("fixedCores is given exactly for the threads axis");
        }
    }

    /** {@code curve} along {@code axis}. */
    public static CurveKey of(Curve curve, Axis axis, OptionalInt fixedCores) {
        return new CurveKey(curve.family(), curve.benchmark(), curve.variant(), curve.params(), curve.mode(), axis, fixedCores);
    }

    /** The variant's points this curve is drawn from, whatever the axis. */
    public Curve curve() {
        return new Curve(family, benchmark, variant, params, mode);
    }

    @Override
    public int compareTo(CurveKey o) {
        return ORDER.compare(this, o);
    }
}
