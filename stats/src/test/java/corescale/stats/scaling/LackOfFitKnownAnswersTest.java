package corescale.stats.scaling;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lack-of-fit F test against known values: a fixed USL (σ 0.05, κ 0.002, λ 100) and three forks
 * at each of N = 1, 2, 4, 8, 16, deviations on the log scale. Known answers from scipy 1.17: the
 * classical F = (SS_lof / (m − 3)) / (SS_pure / (N − m)) with SS_lof = Σ n_g · mean_g², SS_pure the
 * spread of each N's deviations around their mean, and p = scipy.stats.f.sf(F, 2, 10); rms = √(SS_lof / N).
 */
class LackOfFitKnownAnswersTest {

    private static final double[] N = {1, 1, 1, 2, 2, 2, 4, 4, 4, 8, 8, 8, 16, 16, 16};
    private static final UslModel LAW = new UslModel(0.05, 0.002, 100);

    @Test
    void forksThatAgreeAroundABendTheLawMissesDepartBeyondTheirNoise() {
        double[] x = {101, 99, 100.5, 186, 190, 188, 318, 310, 314, 505, 525, 515, 760, 700, 730};
        LackOfFit l = LackOfFit.check(N, x, LAW, ErrorModel.RELATIVE);
        assertEquals(LackOfFit.Kind.DEPARTS_BEYOND_NOISE, l.kind());
        assertEquals(4.026393481053553e-05, l.p(), 1e-12);
        assertEquals(0.04634214104042317, l.rms(), 1e-12);
    }

    @Test
    void forksSpreadAsWideAsTheDeviationsShowNoLackOfFit() {
        double[] x = {104, 92, 100.5, 196, 178, 188, 345, 280, 322, 580, 455, 520, 800, 640, 745};
        LackOfFit l = LackOfFit.check(N, x, LAW, ErrorModel.RELATIVE);
        assertEquals(LackOfFit.Kind.NOT_FOUND, l.kind());
        assertEquals(0.2291513336148317, l.p(), 1e-9);
        assertEquals(0.04555460947824149, l.rms(), 1e-12);
    }
}
