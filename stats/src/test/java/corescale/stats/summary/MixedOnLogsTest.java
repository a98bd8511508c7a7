package corescale.stats.summary;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mixed model of interleaved configurations ({@link MixedOnLogs}) against an independent
 * implementation (Python 3.11, scipy 1.17: {@code integrate.quad} for H, {@code optimize.brentq} for κ
 * and the critical values, and the REML variance components by maximising the restricted likelihood
 * of the 2n log fork means numerically), and its level computed by numerical integration over the
 * distribution of F at every round variance.
 */
class MixedOnLogsTest {

    private static final double[] NUM = {102, 98.5, 105, 99, 101.5};
    private static final double[] DEN = {100, 97, 101, 98, 99};

    @Test
    void roundsThatShareAnEffectTakeThePairedBranchCorrected() {
        // The data of PairedCompareTest's scipy check: the rounds move together (F = 14.2), so the branch is
        // the paired t (d, se and the uncorrected p are ttest_rel's) and the p is H(|t|)/κ.
        MixedOnLogs w = MixedOnLogs.of(NUM, DEN);
        assertNotNull(w);
        assertTrue(w.roundsShared());
        assertEquals(14.2188, w.roundRatio(), 1e-4);
        assertEquals(0.0218158700196744, w.d(), 1e-12);
        assertEquals(0.00490675083909914, w.se(), 1e-12);
        assertEquals(4, w.df());
        assertEquals(0.0112807068395, w.pUncorrected(), 1e-9); // scipy ttest_rel on the logs
        assertEquals(0.0141795926673, w.pChange(), 1e-8);
        assertEquals(0.00342478910961, w.pSame(0.05), 1e-8);
        double[] ci = w.ratioInterval(0.95);
        assertEquals(1.00750264354, ci[0], 1e-8);
        assertEquals(1.03681871932, ci[1], 1e-8);
        // REML maximised numerically: σ_u² 0.000397824, σ_e² 6.01905e-05.
        assertEquals(0.000397824, w.roundVariance(), 1e-9);
        assertEquals(6.01905e-05, w.forkVariance(), 1e-10);
    }

    @Test
    void roundsThatShareNothingTakeThePooledBranchCorrected() {
        MixedOnLogs w = MixedOnLogs.of(new double[] {102, 98.5, 101, 99, 101.5}, new double[] {99, 101, 100, 98.5, 99});
        assertNotNull(w);
        assertFalse(w.roundsShared());
        assertEquals(0.466711, w.roundRatio(), 1e-6);
        assertEquals(8, w.df());
        assertEquals(0.00894831512868617, w.d(), 1e-12);
        assertEquals(0.00827096054156135, w.se(), 1e-12);
        assertEquals(0.3108291355654914, w.pUncorrected(), 1e-9); // scipy ttest_ind(..., equal_var=True) on the logs
        assertEquals(0.650820742066, w.pChange(), 1e-8);
        assertEquals(0.00138851865862, w.pSame(0.05), 1e-8);
        double[] ci = w.ratioInterval(0.95);
        assertEquals(0.986043312855, ci[0], 1e-8);
        assertEquals(1.03246756133, ci[1], 1e-8);
        // REML: σ_u² at the boundary (1.4e-19 numerically), σ_e² pooled.
        assertEquals(0, w.roundVariance());
        assertEquals(0.000171022, w.forkVariance(), 1e-9);
    }

    @Test
    void threeRoundsBothBranches() {
        MixedOnLogs shared = MixedOnLogs.of(new double[] {10.4, 9.1, 10.9}, new double[] {10.0, 8.7, 10.2});
        assertTrue(shared.roundsShared());
        assertEquals(0.0306911326657, shared.pChange(), 1e-8);
        assertEquals(0.719892773981, shared.pSame(0.05), 1e-8);
        double[] ci = shared.ratioInterval(0.95);
        assertEquals(1.01193212049, ci[0], 1e-8);
        assertEquals(1.09253784265, ci[1], 1e-8);
        MixedOnLogs apart = MixedOnLogs.of(new double[] {10.4, 9.8, 10.1}, new double[] {10.0, 10.3, 9.7});
        assertFalse(apart.roundsShared());
        assertEquals(0.7039360684226317, apart.pUncorrected(), 1e-9); // scipy ttest_ind(..., equal_var=True)
        assertEquals(1, apart.pChange()); // 0.704/(2 − κ) capped
        assertEquals(0.255533707647, apart.pSame(0.05), 1e-8);
        ci = apart.ratioInterval(0.95);
        assertEquals(0.91942000737, ci[0], 1e-8);
        assertEquals(1.10951693747, ci[1], 1e-8);
    }

    @Test
    void kappaAndHMatchTheReference() {
        int[] rounds = {2, 3, 4, 5, 8, 12, 20};
        double[] kappa = {1.7897252357, 1.6351935476, 1.5650114416, 1.5224043804, 1.4469159162, 1.3890395679,
                1.3037434026};
        double[] h3 = {0.34589696854, 0.167949705662, 0.102413591309, 0.0709794570408, 0.0349955001959,
                0.020705927516, 0.012081111085};
        double[] h30 = {0.041719039252, 0.00221484214339, 0.000162666855815, 1.47050888282e-05, 2.35769254832e-08,
                1.33338623845e-11, 3.61946470462e-17};
        for (int i = 0; i < rounds.length; i++) {
            MixedOnLogs.Calibration c = new MixedOnLogs.Calibration(rounds[i]);
            assertEquals(kappa[i], c.kappa, 1e-7, "κ at " + rounds[i]);
            assertEquals(h3[i], c.h(3), 1e-9 * Math.max(1, h3[i] * 1e3), "H(3) at " + rounds[i]);
            assertEquals(1, c.h(30) / h30[i], 1e-6, "H(30) at " + rounds[i]);
            assertEquals(1, c.h(0));
        }
    }

    @Test
    void noInterval() {
        assertNull(MixedOnLogs.of(new double[] {1}, new double[] {2}));
        assertNull(MixedOnLogs.of(new double[] {1, 2}, new double[] {2, 0}));
        assertNull(MixedOnLogs.of(new double[] {1, 2, 3}, new double[] {2, 3}));
        // Every round's ratio exactly 0.9: no spread of the differences, no test.
        MixedOnLogs same = MixedOnLogs.of(new double[] {90, 99}, new double[] {100, 110});
        assertTrue(same.noSpread());
        assertTrue(Double.isNaN(same.pChange()));
        assertTrue(Double.isNaN(same.ratioInterval(0.95)[0]));
        // Rounds' ratios equal within a millionth are no spread either; a ten-thousandth apart they are one.
        assertTrue(MixedOnLogs.of(new double[] {90, 99 * (1 + 1e-7)}, new double[] {100, 110}).noSpread());
        assertFalse(MixedOnLogs.of(new double[] {90, 99 * (1 + 1e-4)}, new double[] {100, 110}).noSpread());
    }

    /**
     * The probability that the corrected p is at most {@code level} when there is no difference, rounds
     * of {@code n} and a round variance of (ρ − 1)/2 fork variances (ρ = E[MSR]/E[MSE]). With
     * F = ρ·tan²θ (tan²θ ~ F(m, m), θ with density 2 sin^(m−1)θ cos^(m−1)θ / B(m/2, m/2)), given θ the
     * paired t is t_2m/(√2 cos θ) and the pooled t is t_2m/(cos θ·√(1 + ρ tan²θ)), t_2m Student's t.
     */
    private static double size(int n, double rho, double level) {
        MixedOnLogs.Calibration c = new MixedOnLogs.Calibration(n);
        int m = n - 1;
        double kp = c.pairedCritical(level);
        double kq = c.pooledCritical(level);
        double norm = Math.exp(-Beta.logBeta(m / 2.0, m / 2.0));
        UnivariateFunction density = t -> 2 * norm * Math.pow(Math.sin(t), m - 1) * Math.pow(Math.cos(t), m - 1);
        UnivariateFunction paired = t -> 2 * c.t2m.cumulativeProbability(-kp * Math.sqrt(2) * Math.cos(t)) * density.value(t);
        UnivariateFunction pooled = t -> 2 * c.t2m.cumulativeProbability(
                -kq * Math.cos(t) * Math.sqrt(1 + rho * Math.tan(t) * Math.tan(t))) * density.value(t);
        double edge = Math.atan(1 / Math.sqrt(rho));
        return integrate(pooled, 0, edge) + integrate(paired, edge, Math.PI / 2);
    }

    private static double integrate(UnivariateFunction f, double lo, double hi) {
        GaussIntegratorFactory gauss = new GaussIntegratorFactory();
        double total = 0;
        int panels = 16;
        for (int i = 0; i < panels; i++) {
            total += gauss.legendre(32, lo + (hi - lo) * i / panels, lo + (hi - lo) * (i + 1) / panels).integrate(f);
        }
        return total;
    }

    @Test
    void levelIsExactWithoutARoundEffectAndBelowWithOne() {
        double[] rhos = {1, 1.1, 1.25, 1.5, 2, 3, 5, 9, 17, 33, 100, 1e4, 1e8};
        double[] levels = {0.1, 0.05, 0.01, 0.0025, 0.0005};
        StringBuilder table = new StringBuilder();
        for (int n : new int[] {2, 3, 4, 5, 8, 12, 20}) {
            for (double level : levels) {
                table.append(String.format(Locale.ROOT, "n=%d level %.4f:", n, level));
                for (double rho : rhos) {
                    double s = size(n, rho, level);
                    table.append(String.format(Locale.ROOT, " %.4f", s / level));
                    if (rho == 1) {
                        assertEquals(level, s, level * 1e-4, "σ_u = 0, n " + n + ", level " + level);
                    } else {
                        assertTrue(s <= level * (1 + 1e-4), "n " + n + ", ρ " + rho + ", level " + level + ": " + s);
                    }
                }
                table.append('\n');
            }
        }
        System.out.print("size/level at rho = E[MSR]/E[MSE] = 1 + 2·σ_u²/σ_e² of " + java.util.Arrays.toString(rhos)
                + "\n" + table);
    }
}
