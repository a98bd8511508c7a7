package corescale.stats.compare;

import java.util.Locale;

/** What a comparison of one point concludes; {@link #ONLY_BASE}/{@link #ONLY_OTHER} for unmatched points. */
public enum Verdict {
    FASTER, SLOWER, SAME, INCONCLUSIVE, ONLY_BASE, ONLY_OTHER;

    /**
     * From a ratio's interval (oriented so that above 1 is better): faster or slower when the whole
     * interval lies beyond 1 ± threshold, same when it lies wholly within, inconclusive otherwise.
     */
    public static Verdict of(double low, double high, double threshold) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return INCONCLUSIVE;
        }
        if (low > 1 + threshold) {
            return FASTER;
        }
        if (high < 1 - threshold) {
            return SLOWER;
        }
        if (low >= 1 - threshold && high <= 1 + threshold) {
            return SAME;
        }
        return INCONCLUSIVE;
    }

    /** As written in compare.csv, e.g. {@code faster}, {@code only_base}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
