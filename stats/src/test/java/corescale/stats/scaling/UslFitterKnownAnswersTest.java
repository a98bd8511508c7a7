package corescale.stats.scaling;

import corescale.stats.summary.Ratio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Closed-form and synthetic cases where the right answer is known by construction. */
class UslFitterKnownAnswersTest {

    private static final double[] N = {1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64};

    private static double[] exact(UslModel m, double[] n) {
        return m.throughput(n);
    }

    @Test
    void linearScalingGivesZeroCoefficientsAndNoPeak() {
        double[] x = exact(new UslModel(0, 0, 250), N);

        UslFit fit = UslFitter.fit(N, x, ErrorModel.RELATIVE);

        assertTrue(fit.fitted(), String.valueOf(fit.noFit()));
        assertEquals(0, fit.sigma(), 1e-9);
        assertEquals(0, fit.kappa(), 1e-11);
        assertEquals(250, fit.lambda(), 250 * 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, fit.nStar());
        assertFalse(fit.hasPeak());
        assertEquals(Peak.Basis.NO_RETROGRADE, fit.peakFinding().basis());
        // no peak: x_max is the curve at the largest measured N
        assertEquals(250 * 64, fit.peakThroughput().value(), 1e-6);
        assertEquals(Peak.NONE, fit.peak());
        assertEquals(1, fit.rSquared(), 1e-12);
    }

    @Test
    void pureAmdahlDataGivesZeroKappaAndAmdahlSerialFractionEqualToSigma() {
        double s = 0.07;
        double[] x = exact(new UslModel(s, 0, 40), N);

        UslFit usl = UslFitter.fit(N, x, ErrorModel.RELATIVE);
        AmdahlFit amdahl = AmdahlFitter.fit(N, x, ErrorModel.RELATIVE);

        assertTrue(usl.fitted(), String.valueOf(usl.noFit()));
        assertTrue(amdahl.fitted(), String.valueOf(amdahl.noFit()));
        assertEquals(0, usl.kappa(), 1e-10);
        assertEquals(s, usl.sigma(), 1e-8);
        assertEquals(s, amdahl.serialFraction(), 1e-8);
        assertEquals(usl.sigma(), amdahl.serialFraction(), 1e-8);
        assertEquals(40, amdahl.lambda(), 40 * 1e-8);
        assertEquals(N[N.length - 1] / (1 + s * (N[N.length - 1] - 1)), amdahl.speedup(N[N.length - 1]), 1e-12);
    }

    @Test
    void karpFlattOnExactAmdahlDataEqualsTheSerialFractionAtEveryN() {
        double s = 0.12;
        assertEquals(1, N[0]);
        assertTrue(Double.isNaN(ScalingPoint.atScale(1, 10, Double.NaN, Double.NaN, 1, 10, Ratio.NONE, false).karpFlatt()), "undefined at N=1");
        for (double n : java.util.Arrays.copyOfRange(N, 1, N.length)) {
            double speedup = n / (1 + s * (n - 1));
            ScalingPoint p = ScalingPoint.atScale(n, 10 * speedup, Double.NaN, Double.NaN, n, 10, Ratio.NONE, false);
            assertEquals(s, p.karpFlatt(), 1e-12, "N=" + n);
            assertEquals(speedup, p.speedup(), 1e-12);
            assertEquals(speedup / n, p.efficiency(), 1e-12);
        }
    }

    /** The coefficients σ = κ = 0.02 of the R usl package's own tests (tests/coef.R), data rounded to 5 digits. */
    @Test
    void roundedExactDataOfTheUslPackageTests() {
        double[] n = {1, 2, 4, 6, 8, 10};
        double[] x = {1, 1.8868, 3.0769, 3.5294, 3.5398, 3.3557};

        UslFit fit = UslFitter.fit(n, x, ErrorModel.RELATIVE);

        assertEquals(0.02, fit.sigma(), 1e-4);
        assertEquals(0.02, fit.kappa(), 1e-5);
        assertEquals(1, fit.lambda(), 1e-4);
        assertEquals(Math.sqrt(0.98 / 0.02), fit.nStar(), 0.01);
        assertEquals(new UslModel(0.02, 0.02, 1).throughput(7), fit.peakThroughput().value(), 1e-3);
        assertTrue(fit.peakConcurrency().covers(7), String.valueOf(fit.peakConcurrency()));
        assertTrue(fit.peakThroughput().covers(new UslModel(0.02, 0.02, 1).throughput(7)), String.valueOf(fit.peakThroughput()));
        assertEquals(Peak.MEASURED, fit.peak(), String.valueOf(fit.peakFinding()));
    }

    @Test
    void fewerThanFourDistinctNIsNoFitWithAReason() {
        // six points but only three distinct N
        double[] n = {1, 1, 2, 2, 4, 4};
        double[] x = {10, 10.2, 19, 19.5, 35, 36};

        UslFit fit = UslFitter.fit(n, x, ErrorModel.RELATIVE);

        assertFalse(fit.fitted());
        assertEquals(3, fit.distinctN());
        assertEquals(6, fit.points());
        assertEquals(NoFit.tooFewN(3, 4), fit.noFit());
        assertTrue(Double.isNaN(fit.sigma()) && Double.isNaN(fit.kappa()) && Double.isNaN(fit.nStar()));
        // Amdahl needs only three
        assertTrue(AmdahlFitter.fit(n, x, ErrorModel.RELATIVE).fitted());
        assertFalse(AmdahlFitter.fit(new double[] {1, 2}, new double[] {1, 2}, ErrorModel.RELATIVE).fitted());
    }

    @Test
    void nonPositiveThroughputIsNoFitWithAReason() {
        UslFit fit = UslFitter.fit(new double[] {1, 2, 3, 4}, new double[] {1, 2, 0, 4}, ErrorModel.RELATIVE);
        assertFalse(fit.fitted());
        assertEquals(NoFit.badThroughput(3, 0), fit.noFit());
    }

    @Test
    void retrogradeFromTheStartHasNoPeakConcurrency() {
        // a lock that loses half its throughput per doubling: σ > 1
        double[] x = exact(new UslModel(1.5, 0.01, 100), N);

        UslFit fit = UslFitter.fit(N, x, ErrorModel.RELATIVE);

        assertEquals(1.5, fit.sigma(), 1e-6);
        assertTrue(Double.isNaN(fit.nStar()));
        assertEquals(100, fit.peakThroughput().value(), 1e-4);
        assertEquals(Peak.NONE, fit.peak());
        assertEquals(Peak.Basis.FALLS_FROM_ONE, fit.peakFinding().basis());
    }

    /** Noise on linear data pushes the unconstrained optimum below 0; the clamped fit stays at the boundary with intervals. */
    @Test
    void noisyLinearDataStaysOnTheBoundaryWithIntervalsThatHoldZero() {
        Random random = new Random(7);
        int onBoundary = 0;
        for (int t = 0; t < 50; t++) {
            double[] x = exact(new UslModel(0, 0, 100), N);
            for (int i = 0; i < x.length; i++) {
                x[i] *= Math.exp(0.01 * random.nextGaussian());
            }
            UslFit fit = UslFitter.fit(N, x, ErrorModel.RELATIVE);
            assertTrue(fit.fitted(), String.valueOf(fit.noFit()));
            assertTrue(fit.sigma() >= 0 && fit.kappa() >= 0);
            assertTrue(fit.contention().low() >= 0 && fit.coherency().low() >= 0, "never below the constraint");
            assertTrue(Double.isFinite(fit.coherency().high()), "an interval exists on the boundary");
            assertTrue(fit.contention().covers(fit.sigma()) && fit.coherency().covers(fit.kappa()));
            assertEquals(0, fit.sigma(), 0.01);
            assertEquals(0, fit.kappa(), 2e-4);
            if (fit.sigma() == 0 || fit.kappa() == 0) {
                onBoundary++;
            }
        }
        assertTrue(onBoundary > 0, "the constraint was exercised");
    }
}
