package corescale.stats.summary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argument checks and edge cases of the t tests on logs; their numbers against scipy are in compare's tests. */
class WelchOnLogsTest {

    @Test
    void aZeroForkMeanGivesNoWelchTest() {
        assertNull(WelchOnLogs.of(new double[] {0, 100}, new double[] {100, 101}));
    }

    @Test
    void aZeroValueGivesNoPairedTest() {
        assertNull(PairedT.of(new double[] {100, 0}, new double[] {100, 100}));
    }

    @Test
    void twoPairsAreEnoughForAPairedTestWithOneDegreeOfFreedom() {
        // differences log 1.1 and log 1.2: n - 1 = 1
        assertEquals(1, PairedT.of(new double[] {110, 120}, new double[] {100, 100}).df());
    }

    @Test
    void noSpreadGivesNoRatioInterval() {
        // [100, 100] against [90, 90]: se = 0
        assertArrayEquals(new double[] {Double.NaN, Double.NaN},
                WelchOnLogs.of(new double[] {100, 100}, new double[] {90, 90}).ratioInterval(0.95));
    }

    /**
     * Logs 2·se apart on one side, none on the other: se = |difference| / 2 (sd |difference| / √2, over √2).
     * A standard error just under 1e-6 is no spread, just over it is one.
     */
    @Test
    void aStandardErrorUpToAMillionthIsNoSpread() {
        assertTrue(WelchOnLogs.of(new double[] {1000, 1000 * Math.exp(2 * 0.99e-6)}, new double[] {1, 1}).noSpread());
        assertFalse(WelchOnLogs.of(new double[] {1000, 1000 * Math.exp(2 * 1.01e-6)}, new double[] {1, 1}).noSpread());
    }
}
