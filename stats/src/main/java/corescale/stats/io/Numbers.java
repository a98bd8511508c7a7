package corescale.stats.io;

import java.math.BigDecimal;
import java.math.MathContext;

/** How numbers are written in our CSV files: plain decimal, 6 significant digits, empty for NaN. */
public final class Numbers {

    private static final MathContext SIX = new MathContext(6);

    private Numbers() {
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(SIX).stripTrailingZeros().toPlainString();
    }
}
