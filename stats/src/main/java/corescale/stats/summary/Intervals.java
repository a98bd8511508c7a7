package corescale.stats.summary;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;


/** The interval computations behind {@code summary.csv}; see stats/STATISTICS.md. */
public final class Intervals {

    /** The confidence level of every interval the module prints. */
    public static final double LEVEL = 0.95;

    private Intervals() {
    }

    /** Two-sided normal quantile, e.g. {@code z(0.95)} = 1.960. */
    public static double zQuantile(double level) {
        return new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
    }

    /** Two-sided Student t quantile, e.g. {@code t(0.95, 4)} = 2.776. */
    public static double tQuantile(double level, int df) {
        return tQuantile(level, (double) df);
    }

    /** The same for non-integer degrees of freedom (Welch–Satterthwaite). */
    public static double tQuantile(double level, double df) {
        return tQuantile(level, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }

    /** The same found to {@code accuracy} (absolute) rather than commons-math's default 1e-9. */
    public static double tQuantile(double level, double df, double accuracy) {
        return new TDistribution(null, df, accuracy).inverseCumulativeProbability(0.5 + level / 2);
    }

    /** Standard normal distribution function, P(Z ≤ x). */
    public static double zCdf(double x) {
        return new NormalDistribution(null, 0, 1).cumulativeProbability(x);
    }

    /** Student t distribution function, P(T ≤ x), {@code df} degrees of freedom (need not be an integer). */
    public static double tCdf(double x, double df) {
        return new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY).cumulativeProbability(x);
    }

    /**
     * Student t interval of the mean of {@code xs}: mean ± t(level, n−1)·s/√n. It is exact when
     * the values are independent and normal; fork means, each an average of many iterations, are close
     * to normal, and forks are independent JVMs.
     */
    public static Interval studentT(double[] xs, double level) {
        if (xs.length < 2) {
            return Interval.NONE;
        }
        double mean = StatUtils.mean(xs);
        double half = tQuantile(level, xs.length - 1) * Math.sqrt(StatUtils.variance(xs, mean) / xs.length);
        return new Interval(mean - half, mean + half);
    }

    /** Sample standard deviation over mean; NaN with fewer than two values. */
    public static double cv(double[] xs) {
        if (xs.length < 2) {
            return Double.NaN;
        }
        double mean = StatUtils.mean(xs);
        return Math.sqrt(StatUtils.variance(xs, mean)) / Math.abs(mean);
    }
}
