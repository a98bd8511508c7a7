package corescale.stats.ranking;

import corescale.stats.summary.Ratio;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * The ratio of two points' means with the 95% interval of Welch's t on the logs of their fork
 * means: the interval excludes 1 exactly when Welch's two-sided test has p below 5%. Unlike two
 * overlapping intervals, which call points with p = 0.008 "tied", this decides on the difference.
 */
final class LogRatio {

    private LogRatio() {
    }

    /** mean(num)/mean(den) with Welch's interval on log fork means; both need 2 or more positive fork means. */
    static Ratio welch(double[] num, double[] den, double level) {
        double value = StatUtils.mean(num) / StatUtils.mean(den);
        if (num.length < 2 || den.length < 2 || StatUtils.min(num) <= 0 || StatUtils.min(den) <= 0) {
            return new Ratio(value, Double.NaN, Double.NaN, "none");
        }
        double[] a = logs(num);
        double[] b = logs(den);
        double va = StatUtils.variance(a) / a.length;
        double vb = StatUtils.variance(b) / b.length;
        double d = StatUtils.mean(a) - StatUtils.mean(b);
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Ratio(value, Math.exp(d), Math.exp(d), "welch");
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double t = new TDistribution(null, df).inverseCumulativeProbability(0.5 + level / 2);
        return new Ratio(value, Math.exp(d - t * se), Math.exp(d + t * se), "welch");
    }

    private static double[] logs(double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = Math.log(xs[i]);
        }
        return out;
    }
}
