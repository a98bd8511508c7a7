package corescale.stats.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How a number reads in text (reports, the console, the notes in CSVs): a few significant digits,
 * never an exponent and never a locale comma; thousands grouped from ten thousand up (117,400 beside
 * 1,206,000 in one column; 5226 alone); "–" for NaN
 * (unknown, not zero). {@code report.Fmt} formats every number of the text through it, the notes of
 * the CSVs too ({@code report.Wording}), so no number appears in two styles.
 */
public final class TextNumbers {

    private TextNumbers() {
    }

    /** {@code x} to {@code digits} significant digits, e.g. 1845023 → "1,845,000", 0.000123 → "0.000123". */
    public static String significant(double x, int digits) {
        return significant(x, digits, true);
    }

    /**
     * As {@link #significant(double, int)}, without grouping: for a number inside an interval's
     * brackets, where a grouping comma would read as the comma between its ends ("[1/20100, 1/6260]").
     */
    public static String ungrouped(double x, int digits) {
        return significant(x, digits, false);
    }

    private static String significant(double x, int digits, boolean grouped) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "–" : (x > 0 ? "∞" : "-∞");
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (grouped && rounded.abs().compareTo(GROUPED_FROM) >= 0 && rounded.scale() <= 0) {
            return String.format(Locale.ROOT, "%,d", rounded.toBigInteger());
        }
        return rounded.toPlainString();
    }

    private static final BigDecimal GROUPED_FROM = BigDecimal.valueOf(10_000);

    /**
     * A fraction as a percentage: no decimal from 10% up ("12%"), one below ("3.4%"), and below 0.1% one
     * significant digit ("0.03%"), so that a small half-width never reads as "±0.0%", no spread at all.
     */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "–";
        }
        double p = fraction * 100;
        if (p != 0 && Math.abs(p) < 0.1) {
            return ungrouped(p, 1) + "%";
        }
        return String.format(Locale.ROOT, Math.abs(p) >= 10 ? "%.0f%%" : "%.1f%%", p);
    }

    /** A count as an integer when it is one ("4"), else 4 significant digits. */
    public static String count(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x) : significant(x, 4);
    }
}
