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

    /** 4 significant digits; scientific outside [1e-3, 1e6); "–" for NaN/∞ (unknown, not zero). */
    static String num(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "–" : (x > 0 ? "∞" : "-∞");
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        return new BigDecimal(x).round(FOUR).stripTrailingZeros().toPlainString();
    }

    /** 3 significant digits, for fitted coefficients whose intervals are wide anyway. */
    static String num3(double x) {
        if (!Double.isFinite(x)) {
            return num(x);
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", x);
        }
        return new BigDecimal(x).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
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
}
