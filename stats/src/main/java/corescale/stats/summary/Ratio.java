package corescale.stats.summary;

import org.apache.commons.math3.distribution.NormalDistribution;


/**
 * A ratio of two means with a 95% interval.
 *
 * @param value  ratio of the means
 * @param low    lower end of the interval
 * @param high   upper end of the interval
 * @param method how the interval was found: {@code welch-log} (Welch's t on the logs of fork means,
 *               {@link WelchOnLogs}), {@code paired-log} and {@code runs-log} (compare's paired and
 *               replicate-run tests, {@code corescale.stats.compare.Design}), {@code delta} (delta method on logs, from each side's own
 *               interval, used when a side has fewer than two fork means) or {@code none}
 */
public record Ratio(double value, double low, double high, String method) {

    public static final Ratio NONE = new Ratio(Double.NaN, Double.NaN, Double.NaN, "none");

    /** Exactly 1 with no uncertainty: a variant against itself. */
    public static final Ratio ONE = new Ratio(1, 1, 1, "identity");

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
}
