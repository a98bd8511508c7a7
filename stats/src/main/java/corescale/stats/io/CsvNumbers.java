package corescale.stats.io;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How every CSV the stats module writes (summary, scaling, contention, compare) writes a number:
 * plain decimal with a '.' whatever the locale, six significant digits, and an empty cell for a value
 * that does not exist (NaN or infinite: an open interval end, a peak that is not there).
 */
public final class CsvNumbers {

    private static final MathContext SIX = new MathContext(6);

    private CsvNumbers() {
    }

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
