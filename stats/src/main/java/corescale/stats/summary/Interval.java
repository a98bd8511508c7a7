package corescale.stats.summary;

/** A confidence interval; both ends NaN when none could be computed. */
public record Interval(double low, double high) {

    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    public boolean isKnown() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
