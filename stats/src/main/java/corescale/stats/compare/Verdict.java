package corescale.stats.compare;

import java.util.Locale;

/**
 * What a comparison of one point concludes; {@link #ONLY_BASE}/{@link #ONLY_OTHER} for unmatched
 * points, {@link #INSUFFICIENT} when a side has fewer than 2 fork means (no run-to-run variance known)
 * or the values compared show no spread ({@code LogRatioTest.NO_SPREAD_SE}).
 */
public enum Verdict {
    FASTER, SLOWER, SAME, INCONCLUSIVE, INSUFFICIENT, ONLY_BASE, ONLY_OTHER;

    /**
     * The rule for a point with at least 2 fork means a side (see stats/STATISTICS.md):
     * faster or slower when the change is a discovery at false-discovery rate {@code alpha} among the
     * run's points (Benjamini–Hochberg {@code q ≤ alpha}) and the ratio lies beyond 1 ± threshold;
     * same when the equivalence test at ±threshold rejects ({@code pSame < alpha}); inconclusive otherwise.
     *
     * @param q         Benjamini–Hochberg adjusted p of "no change"
     * @param ratio     the ratio, above 1 when the other run is faster
     * @param pSame     TOST p of "within ±threshold"
     * @param threshold change that matters, e.g. 0.05
     * @param alpha     false-discovery rate and equivalence test level, e.g. 0.05
     */
    public static Verdict of(double q, double ratio, double pSame, double threshold, double alpha) {
        if (q <= alpha && ratio > 1 + threshold) {
            return FASTER;
        }
        if (q <= alpha && ratio < 1 - threshold) {
            return SLOWER;
        }
        if (pSame < alpha) {
            return SAME;
        }
        return INCONCLUSIVE;
    }

    /** As written in compare.csv, e.g. {@code faster}, {@code only_base}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
