package corescale.stats.compare;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.summary.Ratio;

/**
 * One point of a comparison.
 *
 * @param key       the point
 * @param mode      its mode
 * @param unit      unit of the means
 * @param baseMean  mean in the base run (NaN when only in the other)
 * @param otherMean mean in the other run (NaN when only in the base)
 * @param ratio     oriented so that above 1 means the other run is faster: other/base for throughput,
 *                  base/other for time per operation; its 95% interval is Welch's on the logs of fork means
 * @param pChange   two-sided p of "no change", Welch's t on the logs of fork means; NaN with fewer than
 *                  2 forks a side
 * @param qChange   {@code pChange} adjusted for the number of points compared (Benjamini–Hochberg)
 * @param pSame     p of the equivalence test (TOST) of "within ±threshold"
 * @param verdict   the verdict
 * @param note      caveats, or empty
 */
public record PointComparison(PointKey key, Mode mode, String unit, double baseMean, double otherMean, Ratio ratio,
                              double pChange, double qChange, double pSame, Verdict verdict, String note) {

    /** With its Benjamini–Hochberg q and the verdict that follows. */
    PointComparison decided(double q, Verdict v) {
        return new PointComparison(key, mode, unit, baseMean, otherMean, ratio, pChange, q, pSame, v, note);
    }
}
