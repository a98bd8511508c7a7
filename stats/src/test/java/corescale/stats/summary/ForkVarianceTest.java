package corescale.stats.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.junit.jupiter.api.Test;

/** Variance components of forks against hand-computed cases, commons-math's ANOVA and a simulation. */
class ForkVarianceTest {

    @Test
    void balancedCaseByHand() {
        // Means 2 and 6, grand mean 4. MSW = 4 / (4 - 2) = 2; MSB = 2 * (4 + 4) / 1 = 16; n0 = 2.
        ForkVariance v = ForkVariance.of(new double[][] {{1, 3}, {5, 7}});
        assertEquals(2, v.within(), 1e-12);
        assertEquals((16 - 2) / 2.0, v.between(), 1e-12);
        assertEquals(7 + 2 / 4.0, v.forkMeanVariance(4), 1e-12);
    }

    @Test
    void unbalancedCaseAgreesWithCommonsMathsAnova() {
        double[][] forks = {{10, 12, 11, 13, 9}, {15, 14}, {8, 9, 10}};
        ForkVariance v = ForkVariance.of(forks);
        // MSW = (10 + 0.5 + 2) / (10 - 3) = 12.5 / 7.
        assertEquals(12.5 / 7, v.within(), 1e-12);
        // F = MSB / MSW gives MSB; n0 = (10 - (25 + 4 + 9) / 10) / 2 = 3.1.
        double f = new OneWayAnova().anovaFValue(List.of(forks));
        assertEquals((f * v.within() - v.within()) / 3.1, v.between(), 1e-9);
    }

    @Test
    void forksThatAgreeMoreThanTheirIterationsPredictHaveNoVarianceBetween() {
        ForkVariance v = ForkVariance.of(new double[][] {{90, 110}, {110, 90}, {95, 105}});
        assertEquals(0, v.between());
        assertTrue(v.within() > 0);
    }

    @Test
    void simulatedComponentsAreRecoveredOnAverage() {
        Random random = new Random(15);
        double between = 0;
        double within = 0;
        int runs = 400;
        for (int run = 0; run < runs; run++) {
            double[][] forks = new double[8][];
            for (int f = 0; f < forks.length; f++) {
                double forkMean = 100 + 2 * random.nextGaussian();
                forks[f] = new double[10];
                for (int i = 0; i < 10; i++) {
                    forks[f][i] = forkMean + 3 * random.nextGaussian();
                }
            }
            ForkVariance v = ForkVariance.of(forks);
            between += v.between() / runs;
            within += v.within() / runs;
        }
        // True values 4 and 9; the ANOVA estimates are unbiased but for the truncation at 0 (rare here).
        assertEquals(9, within, 0.2);
        assertEquals(4, between, 0.4);
    }

}
