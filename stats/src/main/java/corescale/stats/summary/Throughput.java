package corescale.stats.summary;

import corescale.stats.model.PointSummary;
import corescale.stats.model.Units;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A summary seen as throughput, so "higher is better" holds for every mode: the one conversion
 * used by tables, ratios, contention, scaling and compare alike. A time per operation t (per thread,
 * as JMH's avgt) becomes threads / t operations per microsecond, applied to the point's mean time:
 * X = threads / mean(t), never the mean of converted fork means.
 */
public final class Throughput {

    private Throughput() {
    }

    /** The conversion of a mean in the summary's own unit to throughput. */
    public static DoubleUnaryOperator ofMean(PointSummary s) {
        int threads = s.key().threads();
        return s.mode().higherIsBetter() ? m -> m : t -> t > 0 ? Units.timeToThroughput(t, threads) : Double.NaN;
    }

    public static double mean(PointSummary s) {
        return ofMean(s).applyAsDouble(s.mean());
    }

    /**
     * Each fork mean converted on its own: only for analyses on a log scale (Welch on log fork means,
     * the USL fit with relative error), where log(threads / t) = log(threads) − log(t) makes the
     * per-fork conversion exact. Means and intervals use {@link #mean} and {@link #ci}.
     */
    public static double[] forkMeansForLogScale(PointSummary s) {
        DoubleUnaryOperator x = ofMean(s);
        return java.util.Arrays.stream(s.forkMeans()).map(x).toArray();
    }

    /** The interval, as throughput (a time interval's ends swap; NaN where an end is not positive). */
    public static Interval ci(PointSummary s) {
        if (s.mode().higherIsBetter()) {
            return new Interval(s.ciLow(), s.ciHigh());
        }
        DoubleUnaryOperator x = ofMean(s);
        return new Interval(x.applyAsDouble(s.ciHigh()), x.applyAsDouble(s.ciLow()));
    }

    /**
     * Ratio of throughputs num/den, its value {@code mean(num)/mean(den)} as above: bootstrap over fork
     * means (each resample's mean converted) when both sides have two or more, else the delta method.
     */
    public static Ratio ratio(PointSummary num, PointSummary den, int resamples, SplittableRandom rnd) {
        if (num.forkMeans().length >= 2 && den.forkMeans().length >= 2) {
            return Ratio.bootstrap(num.forkMeans(), ofMean(num), den.forkMeans(), ofMean(den), resamples,
                    Summarizer.LEVEL, rnd);
        }
        return Ratio.delta(mean(num), ci(num), mean(den), ci(den), Summarizer.LEVEL);
    }
}
