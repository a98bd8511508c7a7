package corescale.stats.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A benchmark's setting: the same family, benchmark, params and mode, whatever the variant, cores and
 * threads; a point's key less those three ({@link PointKey}). Variants compete within a setting, a report
 * draws one table and one set of charts per setting, and a fleet one chart. Ordered by its fields, the
 * mode in its declared order, as {@link Curve} and {@link Place} are.
 */
public record Setting(String family, String benchmark, String params, Mode mode) implements Comparable<Setting> {

    private static final Comparator<Setting> ORDER = Comparator.comparing(Setting::family)
            .thenComparing(Setting::benchmark).thenComparing(Setting::params).thenComparing(Setting::mode);

    public Setting {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(mode, "mode");
    }

    /** The setting a point was measured in. */
    public static Setting of(PointKey k) {
        return new Setting(k.family(), k.benchmark(), k.params(), k.mode());
    }

    /** The setting of a variant's curve. */
    public static Setting of(Curve c) {
        return new Setting(c.family(), c.benchmark(), c.params(), c.mode());
    }

    /** The setting of a place: the place without its cores and threads. */
    public static Setting of(Place p) {
        return new Setting(p.family(), p.benchmark(), p.params(), p.mode());
    }

    @Override
    public int compareTo(Setting o) {
        return ORDER.compare(this, o);
    }
}
