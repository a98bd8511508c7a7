package corescale.stats.scaling;

import corescale.stats.model.Mode;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.Interval;
import corescale.stats.summary.Throughput;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts every point on a throughput scale, because the USL and Amdahl laws are laws of throughput.
 *
 * <p>Decision: {@code avgt} and {@code sample} scores are the time one operation takes one thread,
 * averaged over the threads, so the whole JVM completes threads/time operations per time unit:
 * X = threads / mean. Their intervals map end for end (X_low = threads/ci_high). {@code ss}
 * (single shot) is the time of one cold call; it says nothing about steady throughput under
 * concurrency, so such curves are listed without any measure ({@link #scalable}).
 */
final class AsThroughput {

    private static final Pattern TIME_PER_OP = Pattern.compile("\\s*([^/\\s]+)\\s*/\\s*op\\s*");

    private AsThroughput() {
    }

    /** Whether a mode's scores can be put on a throughput scale: all but single shot. */
    static boolean scalable(Mode mode) {
        return mode != Mode.SINGLE_SHOT;
    }

    /** {@code {x, low, high}} of the point on the throughput scale (low/high NaN when unknown). */
    static double[] of(PointSummary s) {
        Interval ci = Throughput.ci(s); // the one conversion, as in every table and ratio
        return new double[] {Throughput.mean(s), ci.low(), ci.high()};
    }

    /** The unit of {@link #of}: unchanged for throughput, {@code ops/us} for {@code us/op}. */
    static String unit(Mode mode, String unit) {
        if (mode.higherIsBetter()) {
            return unit;
        }
        Matcher m = TIME_PER_OP.matcher(unit);
        return m.matches() ? "ops/" + m.group(1) : "threads/(" + unit + ")";
    }
}
