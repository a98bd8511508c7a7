package corescale.stats.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextNumbersTest {

    @Test
    void anInfinityKeepsItsSign() {
        assertEquals("∞", TextNumbers.significant(Double.POSITIVE_INFINITY, 3));
        assertEquals("-∞", TextNumbers.significant(Double.NEGATIVE_INFINITY, 3));
        assertEquals("–", TextNumbers.significant(Double.NaN, 3));
    }

    /** Expected values by hand from the doc: whole counts as they are, others to 4 significant digits, grouped from ten thousand. */
    @Test
    void aCountIsWholeWhenItIsOneElseFourSignificantDigits() {
        assertEquals("4", TextNumbers.count(4));
        assertEquals("2.5", TextNumbers.count(2.5));
        assertEquals("1.667", TextNumbers.count(5.0 / 3));
        // a whole count below a billion is never rounded: 1234567 lost updates are not "1,235,000"
        assertEquals("1234567", TextNumbers.count(1_234_567));
        // from a billion up, 4 significant digits, grouped
        assertEquals("12,350,000,000", TextNumbers.count(12_345_678_901.0));
    }

    /** Grouped from ten thousand as rounded (9999.6 rounds to 10,000); never inside an interval's brackets. */
    @Test
    void groupedFromTenThousandAsRounded() {
        assertEquals("9999", TextNumbers.significant(9999.4, 4));
        assertEquals("10,000", TextNumbers.significant(9999.6, 4));
        assertEquals("117,400", TextNumbers.significant(117_412, 4));
        assertEquals("1,206,000", TextNumbers.significant(1_205_987, 4));
        assertEquals("0.000123", TextNumbers.significant(0.000123, 4));
        assertEquals("20100", TextNumbers.ungrouped(20_093, 3));
    }

    /** A half-width of 0.033% (two forks 0.005% apart) is not "±0.0%", which would read as no spread at all. */
    @Test
    void aPercentageBelowATenthKeepsOneSignificantDigit() {
        assertEquals("0.03%", TextNumbers.percent(0.00033));
        assertEquals("-0.007%", TextNumbers.percent(-0.00007));
        assertEquals("0.1%", TextNumbers.percent(0.001));
        assertEquals("3.4%", TextNumbers.percent(0.034));
        assertEquals("12%", TextNumbers.percent(0.12));
        assertEquals("0.0%", TextNumbers.percent(0));
        assertEquals("–", TextNumbers.percent(Double.NaN));
    }
}
