package corescale.stats.model;

import java.util.Comparator;

/**
 * One benchmark with one set of params in one mode: its variants at every core and thread count.
 * The sweep measures a workload's points in rounds, one fork of each in turn, so that a ratio of two
 * of them (two variants, or one variant at two core or thread counts) can pair forks that ran side by
 * side.
 */
public record Workload(String family, String benchmark, String params, Mode mode) implements Comparable<Workload> {

    private static final Comparator<Workload> ORDER = Comparator.comparing(Workload::family)
            .thenComparing(Workload::benchmark).thenComparing(Workload::params).thenComparing(Workload::mode);

    public static Workload of(PointKey k) {
        return new Workload(k.family(), k.benchmark(), k.params(), k.mode());
    }

    @Override
    public int compareTo(Workload o) {
        return ORDER.compare(this, o);
    }
}
