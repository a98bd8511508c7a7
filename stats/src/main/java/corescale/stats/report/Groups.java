package corescale.stats.report;

import corescale.stats.model.Mode;
import corescale.stats.model.PointSummary;
import corescale.stats.scaling.CurveKey;

/** How points and curves are grouped into one table or chart, and how a group is titled. */
final class Groups {

    private Groups() {
    }

    /** Points that belong in one comparison: same family, benchmark, params and mode. */
    static String pointGroup(PointSummary p) {
        return title(p.key().family(), p.key().benchmark(), p.key().params(), p.mode());
    }

    /** Curves drawn on one chart: a point group, plus the axis and the fixed core count. */
    static String curveGroup(CurveKey k) {
        return title(k.family(), k.benchmark(), k.params(), k.mode()) + "\u0000" + k.axis() + k.fixedCores().orElse(0);
    }

    static String pointGroupOf(CurveKey k) {
        return title(k.family(), k.benchmark(), k.params(), k.mode());
    }

    /** "family · benchmark [params] (mode)", mode shown only when not throughput. */
    static String title(String family, String benchmark, String params, Mode mode) {
        StringBuilder s = new StringBuilder(family).append(" · ").append(benchmark);
        if (!params.isEmpty()) {
            s.append(" [").append(params).append(']');
        }
        if (mode != Mode.THROUGHPUT) {
            s.append(" (").append(mode.jmhName()).append(')');
        }
        return s.toString();
    }

    /** "4t" when threads equal cores, else "8t/4c". */
    static String at(int cores, int threads) {
        return cores > 0 ? threads + "t/" + cores + "c" : threads + "t"; // cores 0: unknown
    }
}
