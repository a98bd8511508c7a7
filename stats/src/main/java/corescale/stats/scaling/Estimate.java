package corescale.stats.scaling;

/**
 * A fitted quantity with its 95% interval.
 *
 * @param value the estimate (NaN when it does not exist, +Infinity for "no peak")
 * @param low   lower end of the interval, NaN when unknown
 * @param high  upper end, NaN when unknown, +Infinity when the data set no upper bound
 */
public record Estimate(double value, double low, double high) {

    public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    /** The same estimate times {@code factor} (a change of unit). */
    Estimate times(double factor) {
        return new Estimate(value * factor, low * factor, high * factor);
    }

    /** Whether the interval holds {@code v}. */
    public boolean covers(double v) {
        return low <= v && v <= high;
    }
}
