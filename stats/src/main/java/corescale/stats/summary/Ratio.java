package corescale.stats.summary;

/**
 * A ratio of two means with a 95% interval.
 *
 * @param value  ratio of the means
 * @param low    lower end of the interval
 * @param high   upper end of the interval
 * @param method how the interval was found: {@code welch-log} (Welch's t on the logs of fork means,
 *               {@link WelchOnLogs}), {@code mixed-log} (forks paired by round, the round a random effect,
 *               {@link MixedOnLogs}: two variants of a place measured in one run's rounds, or compare's
 *               interleaved configurations) and {@code runs-log} (replicate runs; both
 *               {@code corescale.stats.compare.Design}); without an interval:
 *               {@value #ONE_FORK} or {@value #POOLED} (a side with one fork mean, or none), {@value #NO_SPREAD}
 *               (the values compared agree within about a millionth, {@link LogRatioTest#NO_SPREAD_SE}) or
 *               {@code none}
 */
public record Ratio(double value, double low, double high, String method) {

    public static final String ONE_FORK = "one-fork";
    public static final String POOLED = "pooled";
    public static final String NO_SPREAD = "no-spread";

    public static final Ratio NONE = new Ratio(Double.NaN, Double.NaN, Double.NaN, "none");

    /** Exactly 1 with no uncertainty: a variant against itself. */
    public static final Ratio ONE = new Ratio(1, 1, 1, "identity");

    /** The same ratio times a constant factor, interval and all (e.g. per core). */
    public Ratio times(double factor) {
        return new Ratio(value * factor, low * factor, high * factor, method);
    }
}
