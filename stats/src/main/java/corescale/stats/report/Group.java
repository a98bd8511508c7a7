package corescale.stats.report;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.scaling.CurveKey;
import java.util.Comparator;

/**
 * Points that belong in one table and curves on one set of charts: same family, benchmark, params
 * and mode. Variants, cores and threads differ within a group.
 */
record Group(String family, String benchmark, String params, Mode mode) implements Comparable<Group> {

    private static final Comparator<Group> ORDER = Comparator.comparing(Group::family)
            .thenComparing(Group::benchmark)
            .thenComparing(Group::params)
            .thenComparing(Group::mode);

    static Group of(PointKey k, Mode mode) {
        return new Group(k.family(), k.benchmark(), k.params(), mode);
    }

    static Group of(PointSummary p) {
        return of(p.key(), p.mode());
    }

    static Group of(CurveKey k) {
        return new Group(k.family(), k.benchmark(), k.params(), k.mode());
    }

    /** "family · benchmark [params] (mode)": the group's heading. */
    String title() {
        return family + " · " + subject();
    }

    /** "benchmark [params] (mode)", the mode shown only when not throughput. */
    String subject() {
        StringBuilder s = new StringBuilder(benchmark);
        if (!params.isEmpty()) {
            s.append(" [").append(params).append(']');
        }
        return s.append(Fmt.modeSuffix(mode)).toString();
    }

    @Override
    public int compareTo(Group o) {
        return ORDER.compare(this, o);
    }
}
