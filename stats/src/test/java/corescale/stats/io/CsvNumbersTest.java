package corescale.stats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvNumbersTest {

    @Test
    void sixSignificantDigitsInPlainDecimal() {
        assertEquals("0.0277285", CsvNumbers.format(0.027728512345));
        assertEquals("0.0001044", CsvNumbers.format(0.0001044));
        assertEquals("0.00000000123457", CsvNumbers.format(1.234567e-9));
        assertEquals("12", CsvNumbers.format(12.0));
        assertEquals("1234570", CsvNumbers.format(1234567.0));
        assertEquals("-2.5", CsvNumbers.format(-2.5));
        assertEquals("0", CsvNumbers.format(-0.0));
    }

    @Test
    void aMeasurementIsWrittenExactlyAndReadsBackAsTheSameDouble() {
        assertEquals("82", CsvNumbers.exact(82.0));
        assertEquals("82.37622540875951", CsvNumbers.exact(82.37622540875951));
        assertEquals("", CsvNumbers.exact(Double.NaN));
        for (double v : new double[] {1e-5, 0.1 + 0.2, 123456789.125, 3e20, -7.25}) {
            assertEquals(v, Double.parseDouble(CsvNumbers.exact(v)), 0.0, "read back: " + CsvNumbers.exact(v));
        }
    }

    @Test
    void aValueThatDoesNotExistIsAnEmptyCell() {
        assertEquals("", CsvNumbers.format(Double.NaN));
        assertEquals("", CsvNumbers.format(Double.POSITIVE_INFINITY));
        assertEquals("", CsvNumbers.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void theDecimalSeparatorIsADotInAnyLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1.5", CsvNumbers.format(1.5));
        } finally {
            Locale.setDefault(before);
        }
    }
}
