package corescale.stats.summary;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.StatUtils;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A ratio of two means with a 95% interval.
 *
 * @param value  ratio of the means
 * @param low    lower end of the interval
 * @param high   upper end of the interval
 * @param method how the interval was found: {@code bootstrap} over fork means, {@code delta} (delta
 *               method on logs, from each side's own interval, used when a side has no fork means),
 *               {@code welch-log} (Welch's t on the logs of fork means, compare's points) or {@code none}
 */
public record Ratio(double value, double low, double high, String method) {

    public static final Ratio NONE = new Ratio(Double.NaN, Double.NaN, Double.NaN, "none");

    /** Exactly 1 with no uncertainty: a variant against itself. */
    public static final Ratio ONE = new Ratio(1, 1, 1, "identity");

    /**
     * Expanded percentile bootstrap (Hesterberg) of mean(num)/mean(den), resampling each side's fork
     * means independently. Two small-sample corrections, because with 5 forks a plain percentile
     * interval is clearly too narrow: each side's deviations from its mean are stretched by √(n/(n−1))
     * (the plain bootstrap's variance is (n−1)/n of the sample variance), and the percentiles are
     * taken at the normal level whose quantile equals Student's t with min(n_num, n_den) − 1 degrees
     * of freedom (Welch's conservative bound), e.g. 0.27%/99.73% instead of 2.5%/97.5% for 5 forks.
     */
    public static Ratio bootstrap(double[] num, double[] den, int resamples, double level, SplittableRandom rnd) {
        return bootstrap(num, m -> m, den, m -> m, resamples, level, rnd);
    }

    /**
     * As {@link #bootstrap(double[], double[], int, double, SplittableRandom)} for
     * {@code numOf(mean(num)) / denOf(mean(den))}: each side's resampled mean goes through its function
     * (e.g. time per operation to throughput, see {@link Throughput#ofMean}) before the ratio is taken.
     */
    public static Ratio bootstrap(double[] num, DoubleUnaryOperator numOf, double[] den, DoubleUnaryOperator denOf,
                                  int resamples, double level, SplittableRandom rnd) {
        double value = numOf.applyAsDouble(StatUtils.mean(num)) / denOf.applyAsDouble(StatUtils.mean(den));
        if (num.length < 2 || den.length < 2) {
            return new Ratio(value, Double.NaN, Double.NaN, "none");
        }
        double[] a = stretched(num);
        double[] b = stretched(den);
        double[] stats = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            stats[r] = numOf.applyAsDouble(resampledMean(a, rnd)) / denOf.applyAsDouble(resampledMean(b, rnd));
        }
        double t = Intervals.tQuantile(level, Math.min(num.length, den.length) - 1);
        double expanded = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(t) - 1;
        Interval ci = Intervals.percentiles(stats, expanded);
        return new Ratio(value, ci.low(), ci.high(), "bootstrap");
    }

    /** The same ratio times a constant factor, interval and all (e.g. per core). */
    public Ratio times(double factor) {
        return new Ratio(value * factor, low * factor, high * factor, method);
    }

    /**
     * Delta method on logs: log ratio ± z·√(se_num² + se_den²), each side's standard error of its log
     * mean read off its own interval. Used where a side has no fork means (JMH's pooled results).
     */
    public static Ratio delta(double numMean, Interval numCi, double denMean, Interval denCi, double level) {
        double value = numMean / denMean;
        if (!numCi.isKnown() || !denCi.isKnown() || numCi.low() <= 0 || denCi.low() <= 0) {
            return new Ratio(value, Double.NaN, Double.NaN, "none");
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
        double seNum = Math.log(numCi.high() / numCi.low()) / (2 * z);
        double seDen = Math.log(denCi.high() / denCi.low()) / (2 * z);
        double half = z * Math.sqrt(seNum * seNum + seDen * seDen);
        return new Ratio(value, value * Math.exp(-half), value * Math.exp(half), "delta");
    }

    private static double[] stretched(double[] xs) {
        double mean = StatUtils.mean(xs);
        double f = Math.sqrt(xs.length / (xs.length - 1.0));
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = mean + (xs[i] - mean) * f;
        }
        return out;
    }

    private static double resampledMean(double[] xs, SplittableRandom rnd) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            s += xs[rnd.nextInt(xs.length)];
        }
        return s / xs.length;
    }
}
