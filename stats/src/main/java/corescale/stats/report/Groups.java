package corescale.stats.report;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.scaling.CurveKey;

/** How a group of points and a point within it are named in text; the group itself is a {@link Group}. */
final class Groups {

    private Groups() {
    }

    /** The title of the curve's group, see {@link Group#title()}. */
    static String pointGroupOf(CurveKey k) {
        return Group.of(k).title();
    }

    /** "family · benchmark [params] (mode)", mode shown only when not throughput. */
    static String title(String family, String benchmark, String params, Mode mode) {
        return new Group(family, benchmark, params, mode).title();
    }

    /** A point of a group in one phrase: "counters · Counters.increment [work=0] synchronized 1t/1c". */
    static String point(PointKey k, Mode mode) {
        return title(k.family(), k.benchmark(), k.params(), mode) + " " + k.variant() + " " + at(k.cores(), k.threads());
    }

    /** "4t" when threads equal cores, else "8t/4c". */
    static String at(int cores, int threads) {
        return cores > 0 ? threads + "t/" + cores + "c" : threads + "t"; // cores 0: unknown
    }
}
