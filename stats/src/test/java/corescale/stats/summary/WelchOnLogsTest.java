package corescale.stats.summary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertNull(WelchOnLogs.paired(new double[] {100, 0}, new double[] {100, 100}));
    }

    @Test
    void twoPairsAreEnoughForAPairedTestWithOneDegreeOfFreedom() {
        // differences log 1.1 and log 1.2: n - 1 = 1
        assertEquals(1, WelchOnLogs.paired(new double[] {110, 120}, new double[] {100, 100}).df());
    }

    @Test
    void noSpreadGivesNoRatioInterval() {
        // [100, 100] against [90, 90]: se = 0
        assertArrayEquals(new double[] {Double.NaN, Double.NaN},
                WelchOnLogs.of(new double[] {100, 100}, new double[] {90, 90}).ratioInterval(0.95));
    }

    @Test
    void spreadBelowTheResolutionOfALargeLogRatioIsNoSpread() {
        // d = ln 1000 = 6.9; logs 0 and 4e-12 apart on one side, none on the other: se = 4e-12 / 2 = 2e-12 < 1e-12 · 6.9
        assertTrue(WelchOnLogs.of(new double[] {1000, 1000 * (1 + 4e-12)}, new double[] {1, 1}).noSpread());
    }
}
