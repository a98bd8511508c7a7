package corescale.stats.summary;

import corescale.stats.model.PointSummary;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.StatUtils;

import java.util.SplittableRandom;

/**
 * A ratio of two means with a 95% interval.
 *
 * @param value  ratio of the means
 * @param low    lower end of the interval
 * @param high   upper end of the interval
 * @param method how the interval was found: {@code bootstrap} over fork means, {@code delta} (delta
 *               method on logs, from each side's own interval, used when a side has no fork means) or
 *               {@code none}
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
        double value = StatUtils.mean(num) / StatUtils.mean(den);
        if (num.length < 2 || den.length < 2) {
            return new Ratio(value, Double.NaN, Double.NaN, "none");
        }
        double[] a = stretched(num);
        double[] b = stretched(den);
        double[] stats = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            stats[r] = resampledMean(a, rnd) / resampledMean(b, rnd);
        }
        double t = Intervals.tQuantile(level, Math.min(num.length, den.length) - 1);
        double expanded = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(t) - 1;
        Interval ci = Intervals.percentiles(stats, expanded);
        return new Ratio(value, ci.low(), ci.high(), "bootstrap");
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

    /** mean(num)/mean(den) of the summaries as they are: bootstrap over fork means, else the delta method. */
    public static Ratio ofMeans(PointSummary num, PointSummary den, int resamples, SplittableRandom rnd) {
        if (num.forkMeans().length >= 2 && den.forkMeans().length >= 2) {
            return bootstrap(num.forkMeans(), den.forkMeans(), resamples, Summarizer.LEVEL, rnd);
        }
        return delta(num.mean(), ci(num), den.mean(), ci(den), Summarizer.LEVEL);
    }

    /** The interval of a summary, as an {@link Interval}. */
    public static Interval ci(PointSummary s) {
        return new Interval(s.ciLow(), s.ciHigh());
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
