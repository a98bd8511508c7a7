package corescale.stats.report;

import corescale.stats.model.PointKey;
import corescale.stats.model.Setting;

/**
 * How a group of points (a {@link Setting}: one table and one set of charts) and a point within it are
 * named in text. Variants, cores and threads differ within a group.
 */
final class Groups {

    private Groups() {
    }

    /** "family · benchmark [params] (mode)": the group's heading, the mode shown only when not throughput. */
    static String title(Setting s) {
        return s.family() + " · " + subject(s);
    }

    /** "benchmark [params] (mode)", the mode shown only when not throughput. */
    static String subject(Setting s) {
        StringBuilder out = new StringBuilder(s.benchmark());
        if (!s.params().isEmpty()) {
            out.append(" [").append(s.params()).append(']');
        }
        return out.append(Fmt.modeSuffix(s.mode())).toString();
    }

    /** A point of a group in one phrase: "counters · Counters.increment [work=0] synchronized 1t/1c". */
    static String point(PointKey k) {
        return title(Setting.of(k)) + " " + k.variant() + " " + at(k.cores(), k.threads());
    }

    /** "4t" when threads equal cores, else "8t/4c". */
    static String at(int cores, int threads) {
        return cores > 0 ? threads + "t/" + cores + "c" : threads + "t"; // cores 0: unknown
    }
}
