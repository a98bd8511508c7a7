package corescale.stats.summary;

/**
 * A ratio of two means with its interval at {@link Intervals#LEVEL}.
 *
 * @param value  ratio of the means
 * @param low    lower end of the interval
 * @param high   upper end of the interval
 * @param method how the interval was found, or why there is none
 */
public record Ratio(double value, double low, double high, Method method) {

    /** How a ratio's interval was found, or why it has none; written in CSV files by its {@link #label}. */
    public enum Method {
        /** Welch's t on the logs of fork means ({@link WelchOnLogs}). */
        WELCH_LOG("welch-log"),
        /**
         * Forks paired by round, the round a random effect ({@link MixedOnLogs}): two variants of a place
         * measured in one run's rounds, or compare's interleaved configurations.
         */
        MIXED_LOG("mixed-log"),
        /** Replicate runs, the run the unit ({@code corescale.stats.compare.Design#RUNS}). */
        RUNS_LOG("runs-log"),
        /** No interval: a side with one fork mean. */
        ONE_FORK("one-fork"),
        /** No interval: a side known only from JMH's pooled score. */
        POOLED("pooled"),
        /** No interval: the values compared agree within about a millionth ({@link LogRatioTest#NO_SPREAD_SE}). */
        NO_SPREAD("no-spread"),
        /** Exactly 1 with no uncertainty: a variant against itself. */
        IDENTITY("identity"),
        /** No ratio could be formed. */
        NONE("none");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /** As written in CSV files: {@code welch-log}, {@code one-fork}, ... */
        public String label() {
            return label;
        }
    }

    public static final Ratio NONE = new Ratio(Double.NaN, Double.NaN, Double.NaN, Method.NONE);

    /** Exactly 1 with no uncertainty: a variant against itself. */
    public static final Ratio ONE = new Ratio(1, 1, 1, Method.IDENTITY);

    /** The same ratio times a constant factor, interval and all (e.g. per core). */
    public Ratio times(double factor) {
        return new Ratio(value * factor, low * factor, high * factor, method);
    }
}
