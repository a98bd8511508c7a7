package corescale.stats.summary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntervalTest {

    @Test
    void anIntervalWithBothEndsIsKnown() {
        assertTrue(new Interval(1, 2).isKnown());
    }

    @Test
    void anIntervalMissingAnEndIsNotKnown() {
        assertFalse(new Interval(1, Double.NaN).isKnown());
    }

    @Test
    void anIntervalMissingItsLowEndIsNotKnown() {
        assertFalse(new Interval(Double.NaN, 2).isKnown());
    }
}
