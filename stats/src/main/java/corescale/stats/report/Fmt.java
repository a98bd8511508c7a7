package corescale.stats.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting for tables and the console: few significant digits, never a locale comma. */
final class Fmt {

    private static final MathContext FOUR = new MathContext(4, RoundingMode.HALF_EVEN);

    private Fmt() {
    }

    /**
     * 4 significant digits, never with an exponent (a reader compares 1,845,000 with 1,160,000 at a glance,
     * not 1.845e+06 with 1.160e+06): thousands grouped from a million up; "–" for NaN/∞ (unknown, not zero).
     * Tables choose a {@link DisplayUnit} so that few values need either end.
     */
    static String num(double x) {
        return plain(x, FOUR);
    }

    private static String plain(double x, MathContext digits) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "–" : (x > 0 ? "∞" : "-∞");
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(x).round(digits).stripTrailingZeros();
        if (Math.abs(x) >= 1e6) {
            return String.format(Locale.ROOT, "%,d", rounded.toBigInteger());
        }
        return rounded.toPlainString();
    }

    /** 3 significant digits, for fitted coefficients whose intervals are wide anyway. */
    static String num3(double x) {
        if (!Double.isFinite(x)) {
            return num(x);
        }
        return plain(x, new MathContext(3, RoundingMode.HALF_EVEN));
    }

    /** A fraction as a percentage with sensible precision: 0.0312 → "3.1%". */
    static String pct(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "–";
        }
        double p = fraction * 100;
        return String.format(Locale.ROOT, Math.abs(p) >= 10 ? "%.0f%%" : "%.1f%%", p);
    }

    /** A CI half-width as "±3.1%". */
    static String plusMinus(double relHalfWidth) {
        return Double.isFinite(relHalfWidth) ? "±" + pct(relHalfWidth) : "–";
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
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x) : num(x);
    }

    /** A ratio without exponents or long zeros: 3 significant digits, and "1/2110" for one below 0.01. */
    static String ratio(double x) {
        return Double.isFinite(x) && x > 0 && x < 0.01 ? "1/" + num3(1 / x) : num3(x);
    }

    /** A ratio with its interval, "0.25 [0.2, 0.31]"; the value alone when the interval is unknown. */
    static String ratioWithInterval(double est, double low, double high) {
        if (!Double.isFinite(est)) {
            return "–";
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return ratio(est);
        }
        return ratio(est) + " [" + ratio(low) + ", " + ratio(high) + "]";
    }
}
