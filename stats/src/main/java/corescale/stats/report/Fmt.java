package corescale.stats.report;

import corescale.stats.io.TextNumbers;
import corescale.stats.model.Mode;
import corescale.stats.summary.Intervals;
import corescale.stats.summary.LogRatioTest;

/** Number formatting for tables and the console: few significant digits, never a locale comma. */
final class Fmt {

    private Fmt() {
    }

    /** A level or a rate a test was set to, exactly as set: 0.95 → "95%", 0.05 → "5%", 0.975 → "97.5%". */
    static String rate(double fraction) {
        return java.math.BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** The confidence level of every interval shown, as text ("95%"): the level is stated once, in {@link Intervals}. */
    static final String LEVEL = rate(Intervals.LEVEL);

    /**
     * 4 significant digits, never with an exponent (a reader compares 1,845,000 with 1,160,000 at a glance,
     * not 1.845e+06 with 1.160e+06): thousands grouped from ten thousand up; "–" for NaN/∞ (unknown, not zero).
     * Tables choose a {@link DisplayUnit} so that few values need either end.
     */
    static String num(double x) {
        return TextNumbers.significant(x, 4);
    }

    /** 3 significant digits, for fitted coefficients whose intervals are wide anyway. */
    static String num3(double x) {
        return TextNumbers.significant(x, 3);
    }

    /** A fraction as a percentage with sensible precision: 0.0312 → "3.1%". */
    static String pct(double fraction) {
        return TextNumbers.percent(fraction);
    }

    /** A p-value as a relation, for "p = 0.012" or "p < 0.0001": 2 significant digits, and a floor. */
    static String pRelation(double p) {
        return p < P_FLOOR ? "< 0.0001" : "= " + TextNumbers.significant(p, 2);
    }

    /**
     * A p-value in a table column: 3 significant digits down to the floor, "< 0.0001" below it (a
     * p of 0.00000000000000673 says no more than that, and a model's tail is not that exact).
     */
    static String p(double p) {
        return p < P_FLOOR ? "< 0.0001" : num3(p);
    }

    private static final double P_FLOOR = 1e-4;

    /** A CI half-width as "±3.1%". */
    static String plusMinus(double relHalfWidth) {
        return Double.isFinite(relHalfWidth) ? "±" + pct(relHalfWidth) : "–";
    }

    /** " (avgt)" after what a point or curve measures, nothing for throughput: the mode named only where it is not the usual one. */
    static String modeSuffix(Mode mode) {
        return mode == Mode.THROUGHPUT ? "" : " (" + mode.jmhName() + ")";
    }

    /** A ratio as "×1.23". */
    static String times(double ratio) {
        return Double.isFinite(ratio) ? "×" + num3(ratio) : "–";
    }

    /** An estimate with its interval: "0.051 [0.032, 0.070]". */
    static String withInterval(double est, double low, double high) {
        if (!Double.isFinite(est)) {
            return "–";
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return num3(est);
        }
        return num3(est) + " [" + num3(low) + ", " + num3(high) + "]";
    }

    /** A count as an integer when it is one ("4"), else the number. */
    static String n(double x) {
        return TextNumbers.count(x);
    }

    /**
     * A ratio without exponents or long zeros: 3 significant digits, and "1/2110" for one below 0.01;
     * never grouped, as ratios stand beside their intervals ("×1/10700 [1/20100, 1/6260]").
     */
    static String ratio(double x) {
        return Double.isFinite(x) && x > 0 && x < 0.01 ? "1/" + TextNumbers.ungrouped(1 / x, 3) : TextNumbers.ungrouped(x, 3);
    }

    /** Beyond this factor either way, an interval's end is shown as a bound ("> 1,000,000"). */
    static final double RATIO_END_SHOWN = 1e6;

    /**
     * An end of a ratio's interval: as {@link #ratio}, but past a factor of a million either way only
     * the bound ("> 1,000,000", "< 1/1,000,000"), as R prints a p-value below 2.2e-16: two forks
     * that disagree give ends such as 1/30,700,000,000,000, whose digits say nothing more.
     */
    static String ratioEnd(double x) {
        return x > RATIO_END_SHOWN ? "> " + num(RATIO_END_SHOWN)
                : x > 0 && x < 1 / RATIO_END_SHOWN ? "< 1/" + num(RATIO_END_SHOWN) : ratio(x);
    }

    /** A ratio with its interval, "0.25 [0.2, 0.31]"; the value alone when the interval is unknown. */
    static String ratioWithInterval(double est, double low, double high) {
        if (!Double.isFinite(est)) {
            return "–";
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return ratio(est);
        }
        return ratio(est) + " " + ratioInterval(low, high);
    }

    /** A ratio as a factor with its interval, "×0.25 [0.2, 0.31]"; the factor alone when the interval is unknown. */
    static String timesWithInterval(double est, double low, double high) {
        return Double.isFinite(est) ? "×" + ratioWithInterval(est, low, high) : "–";
    }

    /** "within ±5.0%": the band inside which a ranking calls two variants tied ({@link LogRatioTest#DEFAULT_THRESHOLD}). */
    static final String WITHIN_BAND = "within ±" + rate(LogRatioTest.DEFAULT_THRESHOLD);

    /** A ratio's interval, "[0.2, 0.31]", its ends as {@link #ratioEnd}. */
    static String ratioInterval(double low, double high) {
        return "[" + ratioEnd(low) + ", " + ratioEnd(high) + "]";
    }
}
