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

    /** Expected values by hand from the doc: whole counts as they are, others to 4 significant digits, grouped from a million. */
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
}
