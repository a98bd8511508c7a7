package corescale.stats.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FmtTest {

    /** A level or rate is printed as set, never rounded: 97.5% is not 98%, 5% is not 5.0%. */
    @Test
    void aLevelOrRateIsPrintedExactly() {
        assertEquals("95%", Fmt.rate(0.95));
        assertEquals("5%", Fmt.rate(0.05));
        assertEquals("97.5%", Fmt.rate(0.975));
        assertEquals("2.5%", Fmt.rate(0.025));
        assertEquals("95%", Fmt.LEVEL);
    }

    @Test
    void aRatiosIntervalEndsPastAMillionAreShownAsBounds() {
        // Two forks of a fair lock, ×30 apart, against synchronized (a quick run's answer).
        assertEquals("0.315 [< 1/1,000,000, > 1,000,000]", Fmt.ratioWithInterval(0.315, 1 / 3.07e13, 1.36e11));
        assertEquals("0.25 [0.2, 0.31]", Fmt.ratioWithInterval(0.25, 0.2, 0.31));
        assertEquals("[< 1/1,000,000, 19.2]", Fmt.ratioInterval(1 / 3.07e13, 19.2)); // as the Answers show it
        assertEquals("1/2050 [1/2870, 1/1480]", Fmt.ratioWithInterval(1 / 2050.0, 1 / 2870.0, 1 / 1480.0));
        assertEquals("999000", Fmt.ratioEnd(9.99e5));
        assertEquals("1/999000", Fmt.ratioEnd(1 / 9.99e5));
        assertEquals("> 1,000,000", Fmt.ratioEnd(1.01e6));
        assertEquals("< 1/1,000,000", Fmt.ratioEnd(1 / 1.01e6));
    }

    @Test
    void aPValueInATableHasAFloorAndNoLongZeros() {
        assertEquals("< 0.0001", Fmt.p(6.73e-15));
        assertEquals("< 0.0001", Fmt.p(9.99e-5));
        assertEquals("0.0001", Fmt.p(1e-4));
        assertEquals("0.0115", Fmt.p(0.01154));
        assertEquals("1", Fmt.p(1));
        assertEquals("–", Fmt.p(Double.NaN)); // no test: unknown, not zero
    }
}
