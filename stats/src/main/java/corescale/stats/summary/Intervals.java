package corescale.stats.summary;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.OneWayAnova;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The interval and stability computations behind {@code summary.csv}; see stats/STATISTICS.md. */
public final class Intervals {

    private Intervals() {
    }

    /** Two-sided Student t quantile, e.g. {@code t(0.95, 4)} = 2.776. */
    public static double tQuantile(double level, int df) {
        return new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
                .inverseCumulativeProbability(0.5 + level / 2);
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

    /** Resampled means drawn per fork for the inner level of {@link #twoLevelBootstrap}. */
    public static final int INNER_RESAMPLES = 256;

    /**
     * Two-level percentile bootstrap of the mean of fork means: each resample draws forks with
     * replacement, then, for each drawn fork, a mean of its iterations resampled with replacement.
     * The inner level is drawn once per fork ({@value #INNER_RESAMPLES} resampled means) and the
     * outer resamples pick among them, which keeps a million-row summary within seconds; with that
     * many inner draws the difference to fresh draws is far below the interval's own noise. With one
     * fork it is the ordinary bootstrap over that fork's iterations. A seeded source gives the same
     * interval on every run.
     */
    public static Interval twoLevelBootstrap(double[][] forks, int resamples, double level, SplittableRandom rnd) {
        int k = forks.length;
        if (k == 0 || resamples < 2 || (k == 1 && forks[0].length < 2)) {
            return Interval.NONE;
        }
        double[][] inner = new double[k][INNER_RESAMPLES];
        for (int j = 0; j < k; j++) {
            double[] fork = forks[j];
            int n = fork.length;
            for (int r = 0; r < INNER_RESAMPLES; r++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += fork[rnd.nextInt(n)];
                }
                inner[j][r] = s / n;
            }
        }
        double[] stats = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += inner[rnd.nextInt(k)][rnd.nextInt(INNER_RESAMPLES)];
            }
            stats[b] = sum / k;
        }
        return percentiles(stats, level);
    }

    /** The central {@code level} range of a bootstrap distribution. */
    public static Interval percentiles(double[] stats, double level) {
        double[] sorted = stats.clone();
        Arrays.sort(sorted);
        Percentile p = new Percentile();
        p.setData(sorted);
        // Beyond the resamples' reach (very wide levels with few forks) the extremes are the interval.
        double tail = Math.max((1 - level) / 2 * 100, 1e-9);
        return new Interval(p.evaluate(tail), p.evaluate(100 - tail));
    }

    /**
     * One-way ANOVA F over forks: between-fork mean square over within-fork mean square. With n
     * iterations per fork this is var(fork means) / (within-fork variance / n): how much more the fork
     * means disagree than iteration noise alone would make them. NaN when it cannot be computed
     * (fewer than two forks, a fork with fewer than two iterations).
     */
    public static double anovaF(double[][] forks) {
        if (forks.length < 2) {
            return Double.NaN;
        }
        for (double[] f : forks) {
            if (f.length < 2) {
                return Double.NaN;
            }
        }
        double within = 0;
        for (double[] f : forks) {
            within += StatUtils.variance(f) * (f.length - 1);
        }
        if (within == 0) {
            // No iteration noise at all: any difference between forks is infinitely beyond it.
            double[] means = Arrays.stream(forks).mapToDouble(StatUtils::mean).toArray();
            return StatUtils.variance(means) == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return new OneWayAnova().anovaFValue(Arrays.asList(forks));
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
