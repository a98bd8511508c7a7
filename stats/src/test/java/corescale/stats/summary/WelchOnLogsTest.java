package corescale.stats.summary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
