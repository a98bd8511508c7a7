package corescale.stats.io;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How every CSV writes a number, with a '.' whatever the locale and an empty cell for a value that does
 * not exist (NaN or infinite: an open interval end, a peak that is not there): what the stats module
 * derives (summary, scaling, contention, compare) in plain decimal to six significant digits
 * ({@link #format}); what was measured (results.csv, points.csv) as the shortest text that reads back as
 * the same double ({@link #exact}).
 */
public final class CsvNumbers {

    private static final MathContext SIX = new MathContext(6);

    private CsvNumbers() {
    }

    /** A measurement as the shortest text that reads back as the same double; an integer without ".0". */
    public static String exact(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A derived figure to six significant digits, in plain decimal. */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(SIX).stripTrailingZeros().toPlainString();
    }
}
