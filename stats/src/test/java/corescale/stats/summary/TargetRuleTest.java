package corescale.stats.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stopping test and the interval of a point stopped at its target, against values computed with scipy. */
class TargetRuleTest {

    /** sqrt((n - 1) / scipy.stats.chi2.ppf(0.10, n - 1)): the 90% upper bound of sigma over s. */
    @Test
    void theSpreadsUpperBoundFactorIsChiSquaredsUntilTwelveForks() {
        assertEquals(2.265766, TargetRule.sigmaFactor(4), 1e-6);
        assertEquals(1.649897, TargetRule.sigmaFactor(7), 1e-6);
        assertEquals(1.433674, TargetRule.sigmaFactor(11), 1e-6);
        assertEquals(1.0, TargetRule.sigmaFactor(12));
    }

    /** Fork means 100, 101, 99, 100 (variance 2/3): 3.182446 * sqrt(2/3 / 4) * 2.265766 = 2.944% of 100. */
    @Test
    void fourForksThatAgreeMeetAThreePercentTargetNotATwoPercentOne() {
        double[] means = {100, 101, 99, 100};
        assertEquals(2.944, TargetRule.testedHalfWidth(2.0 / 3, 4), 1e-3);
        assertTrue(TargetRule.met(means, 0.03));
        assertFalse(TargetRule.met(means, 0.029));
    }

    @Test
    void aMeanOfZeroOrOneForkNeverMeetsATarget() {
        assertFalse(TargetRule.met(new double[] {0, 0, 0, 0}, 0.03));
        assertFalse(TargetRule.met(new double[] {100}, 0.03));
    }

    @Test
    void theIntervalIsTheTargetUnlessTheForksOwnIsWider() {
        assertEquals(new Interval(97, 103), TargetRule.interval(100, new Interval(99, 101), 0.03));
        assertEquals(new Interval(95, 105), TargetRule.interval(100, new Interval(95, 105), 0.03));
        assertEquals(new Interval(-103, -97), TargetRule.interval(-100, new Interval(-101, -99), 0.03));
        assertEquals(new Interval(97, 103), TargetRule.interval(100, Interval.NONE, 0.03), "forks without spread: the target's");
    }
}
