package corescale.stats.compare;

import corescale.stats.io.TextNumbers;
import corescale.stats.scaling.UslFit;

import corescale.stats.summary.Ratio;

/**
 * One curve of two runs with different core counts.
 *
 * @param family     family
 * @param benchmark  benchmark
 * @param variant    variant
 * @param params     params
 * @param baseCores  cores of the base point compared
 * @param otherCores cores of the other point compared
 * @param basePerCore  base throughput per core (ops/us/core)
 * @param otherPerCore other throughput per core
 * @param ratio      other over base, with interval (above 1: other does more per core)
 * @param note       how the points were chosen, or empty
 */
public record CurveComparison(String family, String benchmark, String variant, String params, int baseCores,
                              int otherCores, double basePerCore, double otherPerCore, Ratio ratio, UslFit baseUsl,
                              UslFit otherUsl, String note) {

    /** σ, κ and N* of one side's fit side by side, or why there is none. */
    public static String describe(UslFit fit) {
        if (fit == null || !fit.fitted()) {
            return "no USL fit" + (fit == null || fit.note().isEmpty() ? "" : " (" + fit.note() + ")");
        }
        return "sigma " + TextNumbers.significant(fit.sigma(), 4) + ", kappa " + TextNumbers.significant(fit.kappa(), 4)
                + ", N* " + (Double.isFinite(fit.nStar()) ? TextNumbers.significant(fit.nStar(), 3) : "none");
    }
}
