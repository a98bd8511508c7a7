package corescale.stats.model;

import java.util.Comparator;

/**
 * One variant's points over cores and threads: the same family, benchmark, variant, params and mode.
 * Its scaling curves run along one axis of it ({@code scaling.CurveKey}); a benchmark measured in two
 * modes is two curves, never one.
 */
public record Curve(String family, String benchmark, String variant, String params, Mode mode)
        implements Comparable<Curve> {

    private static final Comparator<Curve> ORDER = Comparator.comparing(Curve::family).thenComparing(Curve::benchmark)
            .thenComparing(Curve::variant).thenComparing(Curve::params).thenComparing(Curve::mode);

    /** The curve a point lies on. */
    public static Curve of(PointKey k) {
        return new Curve(k.family(), k.benchmark(), k.variant(), k.params(), k.mode());
    }

    @Override
    public int compareTo(Curve o) {
        return ORDER.compare(this, o);
    }
}
