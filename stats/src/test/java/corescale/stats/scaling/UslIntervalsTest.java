package corescale.stats.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations of fork-level data with relative noise: the USL's 95% profile intervals cover the
 * truth, a true κ = 0 is rarely excluded, and a zig-zag gets a lack-of-fit flag instead of a peak; and
 * of one value per N with absolute noise, fitted with absolute error as such curves are.
 */
class UslIntervalsTest {

    private static final double[] N = {1, 2, 3, 4, 6, 8, 12, 16, 20, 24, 32, 40, 48, 64};
    private static final int FORKS = 3;
    private static final int TRIALS = 400;

    /** FORKS fork means per N, each the truth times a log-normal error of sd {@code noise}. */
    private static double[][] forks(UslModel truth, double noise, Random random) {
        double[] n = new double[N.length * FORKS];
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = N[i / FORKS];
            x[i] = truth.throughput(n[i]) * Math.exp(noise * random.nextGaussian());
        }
        return new double[][] {n, x};
    }

    @Test
    void intervalsCoverTheTruthOfACurveWithAPeak() {
        UslModel truth = new UslModel(0.05, 0.0008, 1200); // N* = 34.5, inside the measured 1-64
        double nStar = truth.peakConcurrency();
        Random random = new Random(20240611L);
        int sigma = 0;
        int kappa = 0;
        int peakN = 0;
        int peakX = 0;
        int measured = 0;
        int lack = 0;
        for (int t = 0; t < TRIALS; t++) {
            double[][] d = forks(truth, 0.03, random);
            UslFit fit = UslFitter.fit(d[0], d[1], ErrorModel.RELATIVE);
            assertTrue(fit.fitted(), String.valueOf(fit.noFit()));
            sigma += fit.contention().covers(truth.sigma()) ? 1 : 0;
            kappa += fit.coherency().covers(truth.kappa()) ? 1 : 0;
            peakN += fit.peakConcurrency().covers(nStar) ? 1 : 0;
            peakX += fit.peakThroughput().covers(truth.throughput(nStar)) ? 1 : 0;
            measured += fit.peak() == Peak.MEASURED ? 1 : 0;
            lack += fit.lackOfFitFound() ? 1 : 0;
        }
        System.out.printf("USL coverage, %d trials (3 forks x 14 N, 3%% noise): sigma %d, kappa %d, N* %d, X(N*) %d;"
                + " peak measured %d; lack of fit %d%n", TRIALS, sigma, kappa, peakN, peakX, measured, lack);
        assertTrue(sigma >= 0.93 * TRIALS, "sigma covered " + sigma);
        assertTrue(kappa >= 0.93 * TRIALS, "kappa covered " + kappa);
        assertTrue(peakN >= 0.93 * TRIALS, "N* covered " + peakN);
        assertTrue(peakX >= 0.93 * TRIALS, "X(N*) covered " + peakX);
        assertTrue(sigma < TRIALS && kappa < TRIALS, "intervals never miss: too wide?");
        assertTrue(measured >= 0.9 * TRIALS, "peak measured " + measured);
        assertTrue(lack <= 0.05 * TRIALS, "lack of fit flagged on the true law " + lack);
    }

    /**
     * A curve without replicates, fitted as the book fits it (absolute error): one value per N at
     * 1..32, the truth the book's Cisco fit, additive normal noise of 188 ops/ms (the residual
     * standard error of that fit). The profile intervals on the X scale cover the truth; lack of fit
     * is reported untested, and the runs test alone rarely flags the true law.
     */
    @Test
    void intervalsOfAnAbsoluteFitWithoutReplicatesCoverTheTruth() {
        UslModel truth = new UslModel(0.02671591, 7.690945e-4, 995.6486); // N* = 35.4, beyond the 32 measured
        double nStar = truth.peakConcurrency();
        double[] n = new double[32];
        for (int i = 0; i < n.length; i++) {
            n[i] = i + 1;
        }
        Random random = new Random(20240611L);
        int sigma = 0;
        int kappa = 0;
        int peakN = 0;
        int peakX = 0;
        int untested = 0;
        int lack = 0;
        for (int t = 0; t < TRIALS; t++) {
            double[] x = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                x[i] = truth.throughput(n[i]) + 188 * random.nextGaussian();
            }
            UslFit fit = UslFitter.fit(n, x, ErrorModel.forObservations(n));
            assertTrue(fit.fitted(), String.valueOf(fit.noFit()));
            assertEquals(ErrorModel.ABSOLUTE, fit.errors());
            sigma += fit.contention().covers(truth.sigma()) ? 1 : 0;
            kappa += fit.coherency().covers(truth.kappa()) ? 1 : 0;
            peakN += fit.peakConcurrency().covers(nStar) ? 1 : 0;
            peakX += fit.peakThroughput().covers(truth.throughput(nStar)) ? 1 : 0;
            untested += fit.lackOfFitTested() ? 0 : 1;
            lack += fit.lackOfFitFound() ? 1 : 0;
        }
        System.out.printf("USL coverage, absolute error, %d trials (1 value x 32 N, noise sd 188): sigma %d, kappa %d,"
                + " N* %d, X(N*) %d; lack of fit untested %d, flagged %d%n", TRIALS, sigma, kappa, peakN, peakX, untested, lack);
        // the F cutoff of the profile is exact only for a linear model: allow 92%
        assertTrue(sigma >= 0.92 * TRIALS, "sigma covered " + sigma);
        assertTrue(kappa >= 0.92 * TRIALS, "kappa covered " + kappa);
        assertTrue(peakN >= 0.92 * TRIALS, "N* covered " + peakN);
        assertTrue(peakX >= 0.92 * TRIALS, "X(N*) covered " + peakX);
        assertTrue(sigma < TRIALS && kappa < TRIALS, "intervals never miss: too wide?");
        assertEquals(TRIALS, untested + lack, "without replicates a fit is either flagged or untested, never passed");
        assertTrue(lack <= 0.05 * TRIALS, "lack of fit flagged on the true law " + lack);
    }

    @Test
    void aTrueKappaOfZeroIsRarelyExcludedAndNeverAMeasuredPeak() {
        UslModel truth = new UslModel(0.02, 0, 100);
        Random random = new Random(7);
        int excluded = 0;
        int reachesZero = 0;
        int openAbove = 0;
        int measured = 0;
        int sigma = 0;
        for (int t = 0; t < TRIALS; t++) {
            double[][] d = forks(truth, 0.03, random);
            UslFit fit = UslFitter.fit(d[0], d[1], ErrorModel.RELATIVE);
            excluded += fit.coherency().low() > 0 ? 1 : 0;
            if (fit.coherency().low() == 0) {
                reachesZero++;
                // No bound on κ from below is no bound on N* = √((1−σ)/κ) from above.
                openAbove += fit.peakConcurrency().high() == Double.POSITIVE_INFINITY ? 1 : 0;
            }
            measured += fit.peak() == Peak.MEASURED ? 1 : 0;
            sigma += fit.contention().covers(truth.sigma()) ? 1 : 0;
        }
        System.out.printf("USL with true kappa = 0, %d trials: kappa interval excludes 0 in %d, peak measured in %d,"
                + " sigma covered %d%n", TRIALS, excluded, measured, sigma);
        assertTrue(excluded <= 0.05 * TRIALS, "kappa's interval excludes 0 in " + excluded);
        assertTrue(reachesZero >= 0.9 * TRIALS, "kappa's interval reaches 0 in " + reachesZero);
        assertEquals(reachesZero, openAbove, "N*'s interval is open above wherever kappa's reaches 0");
        assertTrue(measured <= 0.05 * TRIALS, "peak called measured in " + measured);
        assertTrue(sigma >= 0.93 * TRIALS, "sigma covered " + sigma);
    }

    @Test
    void perfectlyLinearDataHasNoPeak() {
        UslFit fit = UslFitter.fit(N, new UslModel(0, 0, 10).throughput(N), ErrorModel.RELATIVE);
        assertEquals(Peak.NONE, fit.peak());
        assertEquals(Double.POSITIVE_INFINITY, fit.nStar());
        assertEquals(Peak.Basis.NO_RETROGRADE, fit.peakFinding().basis());
    }

    @Test
    void aZigZagIsFlaggedInsteadOfGivenAPeak() {
        // throughput alternating 20% above and below a rising-then-falling curve, 3 forks at 2% noise
        UslModel shape = new UslModel(0.05, 0.002, 100);
        Random random = new Random(3);
        double[] n = new double[N.length * FORKS];
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = N[i / FORKS];
            x[i] = shape.throughput(n[i]) * ((i / FORKS) % 2 == 0 ? 1.2 : 0.8) * Math.exp(0.02 * random.nextGaussian());
        }
        UslFit withForks = UslFitter.fit(n, x, ErrorModel.RELATIVE);
        assertEquals(LackOfFit.Kind.DEPARTS_BEYOND_NOISE, withForks.lackOfFit().kind());
        assertEquals(Peak.Basis.LAW_DOES_NOT_FIT, withForks.peakFinding().basis());
        assertEquals(Peak.NONE, withForks.peak());

        // the same with one observation per N (no forks): the runs test sees the alternation
        double[] n1 = new double[N.length];
        double[] x1 = new double[N.length];
        for (int i = 0; i < N.length; i++) {
            n1[i] = n[i * FORKS];
            x1[i] = x[i * FORKS];
        }
        UslFit single = UslFitter.fit(n1, x1, ErrorModel.RELATIVE);
        assertEquals(LackOfFit.Kind.PATTERN_IN_N, single.lackOfFit().kind());
        assertTrue(single.lackOfFit().p() < LackOfFit.RUNS_ALPHA, single.lackOfFit().toString());
        assertEquals(Peak.NONE, single.peak());
        // and so it does in the fit such a curve gets (absolute error): a pattern is evidence even untested
        UslFit absolute = UslFitter.fit(n1, x1, ErrorModel.forObservations(n1));
        assertEquals(ErrorModel.ABSOLUTE, absolute.errors());
        assertEquals(LackOfFit.Kind.PATTERN_IN_N, absolute.lackOfFit().kind());
        assertTrue(absolute.lackOfFitTested());
        assertEquals(Peak.NONE, absolute.peak());
    }

    @Test
    void runsTestByHand() {
        // 8 alternating signs: 8 runs, n1 = n2 = 4: mean 5, variance 2·16·(32−8)/(64·7) = 12/7, z = 2.29, p = 0.022
        assertEquals(0.022, LackOfFit.runsP(new double[] {1, -1, 1, -1, 1, -1, 1, -1}), 0.001);
        assertEquals(1, LackOfFit.runsP(new double[] {1, -1, 1}), 0.0, "too short to test");
    }
}
