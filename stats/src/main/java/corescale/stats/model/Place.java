package corescale.stats.model;

import java.util.Comparator;

/**
 * Where variants compete: the same family, benchmark, params, mode, cores and threads. A report ranks
 * the points of a place against each other, and the sweep measures them in rounds, one fork of each
 * in turn, so that forks of the same number ran side by side.
 */
public record Place(String family, String benchmark, String params, Mode mode, int cores, int threads)
        implements Comparable<Place> {

    private static final Comparator<Place> ORDER = Comparator.comparing(Place::family).thenComparing(Place::benchmark)
            .thenComparing(Place::params).thenComparing(Place::mode).thenComparingInt(Place::cores)
            .thenComparingInt(Place::threads);

    public static Place of(PointKey k) {
        return new Place(k.family(), k.benchmark(), k.params(), k.mode(), k.cores(), k.threads());
    }

    @Override
    public int compareTo(Place o) {
        return ORDER.compare(this, o);
    }
}
