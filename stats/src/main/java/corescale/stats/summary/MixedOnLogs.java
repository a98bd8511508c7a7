package corescale.stats.summary;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two interleaved configurations of one run, n rounds of one fork each, compared on the logs of their
 * fork means with the round as a random effect (compare's {@code mixed-log}, stats/STATISTICS.md).
 *
 * <p>Model: y_cr = μ_c + u_r + e_cr for configuration c in round r, with a round effect u_r ~ N(0, σ_u²)
 * that the two forks of a round share (drift of the machine) and fork noise e_cr ~ N(0, σ_e²). With
 * d_r = y_num,r − y_den,r and s_r = y_num,r + y_den,r, the balanced design gives two independent sums of
 * squares of m = n − 1 degrees of freedom each: SSE = Σ(d_r − d̄)²/2 (E = m·σ_e²) and
 * SSR = Σ(s_r − s̄)²/2 (E = m·(σ_e² + 2σ_u²)). The estimate is d̄ whatever the variances (generalised
 * and ordinary least squares agree in a balanced design), var(d̄) = 2σ_e²/n, and the REML estimate of
 * σ_u² is (MSR − MSE)/2 clipped at 0. So, with F = SSR/SSE:
 * <ul>
 *   <li>F &gt; 1 (the rounds share something): σ_e² from MSE = SSE/m, t with m df: the paired t;</li>
 *   <li>F ≤ 1 (REML at the boundary, σ_u² = 0): σ_e² from (SSE + SSR)/(2m), t with 2m df: the pooled
 *       two-sample t on the same fork means.</li>
 * </ul>
 * These are the REML/Satterthwaite answer (each variance estimate is an exact scaled χ²). Choosing the
 * branch from the same data is a preliminary test, and taken at face value it rejects a true "no
 * change" at about 7% instead of 5% with 3 to 8 rounds, because F &gt; 1 is most often seen when SSE
 * happens to be small. The p-values are therefore corrected, exactly at σ_u = 0: there F is independent
 * of SSE + SSR, so the pooled branch's t-test p is uniform, and the paired branch's p given F &gt; 1 has the
 * distribution H below (one integral). The reported two-sided p is
 * <ul>
 *   <li>paired branch: H(|t|)/κ, where H(k) = P(|T| &gt; k | F &gt; 1) at σ_u = 0;</li>
 *   <li>pooled branch: p_t/(2 − κ);</li>
 * </ul>
 * each capped at 1. As each branch is taken half of the time at σ_u = 0, P(p ≤ a) = a·(κ + 2 − κ)/2 = a
 * there at every level a, and (numerically, MixedOnLogsTest) below a at every σ_u &gt; 0. The interval and
 * the equivalence test are this test inverted. κ depends on n only, never on the data: it splits the
 * level between the branches so that the expected width of the 1 − α interval (α the level compare's
 * tests are decided at, {@link FalseDiscovery#ALPHA}, not the printed intervals' {@link Intervals#LEVEL})
 * exceeds Welch's by the same factor at σ_u = 0 as it exceeds the paired t's as σ_u → ∞ (κ ≈ 1.64, 1.57,
 * 1.52, 1.45 at 3, 4, 5, 8 rounds), capped so that the one-sided tests at 2α stay valid as σ_u → ∞.
 *
 * <p>Assumed: one fork variance for both configurations (the pooled branch's t). With equal rounds a side
 * the pooled t is robust to unequal ones; in a seeded check (40,000 trials, numpy) with one configuration's
 * fork sd 4× the other's, 3 rounds and σ_u = 0, this test rejected a true "no change" at 5.7%, Welch's t at
 * 5.75%.
 */
public final class MixedOnLogs implements LogRatioTest {

    private static final Map<Integer, Calibration> CALIBRATIONS = new ConcurrentHashMap<>();

    private final int n;
    private final double d;
    private final double sse;
    private final double ssr;
    private final boolean roundsShared;
    private final double se;
    private final Calibration cal;

    private MixedOnLogs(int n, double d, double sse, double ssr) {
        this.n = n;
        this.d = d;
        this.sse = sse;
        this.ssr = ssr;
        this.roundsShared = ssr > sse;
        int m = n - 1;
        this.se = Math.sqrt(roundsShared ? 2 * (sse / m) / n : 2 * ((sse + ssr) / (2 * m)) / n);
        this.cal = calibration(n);
    }

    /**
     * @param num the fork means, by round, of the configuration whose larger values make d positive
     * @param den the other configuration's fork means of the same rounds, in the same order
     * @return null with fewer than 2 rounds, arrays of different lengths or a value that is not positive
     */
    public static MixedOnLogs of(double[] num, double[] den) {
        if (num.length < WelchOnLogs.MIN_FORKS || num.length != den.length || !positive(num) || !positive(den)) {
            return null;
        }
        int n = num.length;
        double[] diff = new double[n];
        double[] sum = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = Math.log(num[i]) - Math.log(den[i]);
            sum[i] = Math.log(num[i]) + Math.log(den[i]);
        }
        double dBar = Arrays.stream(diff).average().orElseThrow();
        double sBar = Arrays.stream(sum).average().orElseThrow();
        double sse = Arrays.stream(diff).map(x -> (x - dBar) * (x - dBar)).sum() / 2;
        double ssr = Arrays.stream(sum).map(x -> (x - sBar) * (x - sBar)).sum() / 2;
        return new MixedOnLogs(n, dBar, sse, ssr);
    }

    private static boolean positive(double[] x) {
        return Arrays.stream(x).allMatch(v -> v > 0);
    }

    /** κ of n rounds: the share of the level the paired branch gets, times 2 (the pooled branch gets 2 − κ). */
    public static double kappa(int rounds) {
        return calibration(rounds).kappa;
    }

    private static Calibration calibration(int rounds) {
        return CALIBRATIONS.computeIfAbsent(rounds, Calibration::new);
    }

    public int rounds() {
        return n;
    }

    @Override
    public double d() {
        return d;
    }

    /** Standard error of d: √(2σ̂_e²/n) with the branch's σ̂_e². */
    public double se() {
        return se;
    }

    /** Degrees of freedom of the branch's t: n − 1 (rounds shared), 2n − 2 (REML at the boundary). */
    public double df() {
        return roundsShared ? n - 1 : 2 * (n - 1);
    }

    /** True when F = MSR/MSE &gt; 1, i.e. REML puts a positive variance on the round: the paired branch. */
    public boolean roundsShared() {
        return roundsShared;
    }

    /** F = MSR/MSE (infinite when the differences do not vary). */
    public double roundRatio() {
        return ssr / sse;
    }

    /** REML estimate of σ_u², the round's variance on the log scale: (MSR − MSE)/2, at least 0. */
    public double roundVariance() {
        return Math.max(0, (ssr - sse) / (n - 1) / 2);
    }

    /** REML estimate of σ_e², the fork's variance on the log scale: MSE, or the pooled (SSE + SSR)/(2n − 2). */
    public double forkVariance() {
        return roundsShared ? sse / (n - 1) : (sse + ssr) / (2 * (n - 1));
    }

    @Override
    public boolean noSpread() {
        return !(se > NO_SPREAD_SE);
    }

    /** Two-sided p of the branch's t alone, without the correction for the choice of branch. */
    public double pUncorrected() {
        return noSpread() ? Double.NaN : 2 * (roundsShared ? cal.tm : cal.t2m).cumulativeProbability(-Math.abs(d) / se);
    }

    /** Corrected two-sided p of "no change"; NaN without spread. */
    @Override
    public double pChange() {
        return noSpread() ? Double.NaN : twoSided(Math.abs(d) / se);
    }

    @Override
    public double pSame(double threshold) {
        return noSpread() ? Double.NaN
                : Math.max(1 - cdf((d - Math.log(1 - threshold)) / se), cdf((d - Math.log(1 + threshold)) / se));
    }

    /** exp(d ± k·se), k the branch's critical value at 1 − level after the correction; NaN ends without spread. */
    @Override
    public double[] ratioInterval(double level) {
        if (noSpread()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double k = roundsShared ? cal.pairedCritical(1 - level) : cal.pooledCritical(1 - level);
        return new double[] {Math.exp(d - k * se), Math.exp(d + k * se)};
    }

    /** The corrected two-sided p of a t of size k ≥ 0 in this point's branch. */
    private double twoSided(double k) {
        return roundsShared ? Math.min(1, cal.h(k) / cal.kappa)
                : Math.min(1, 2 * cal.t2m.cumulativeProbability(-k) / (2 - cal.kappa));
    }

    /** The corrected null distribution function of t (symmetric): P(T ≤ t). */
    private double cdf(double t) {
        return t >= 0 ? 1 - twoSided(t) / 2 : twoSided(-t) / 2;
    }

    /** What depends on n only: H, κ and the critical values. */
    static final class Calibration {

        private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();
        private static final int POINTS = 20;
        private static final double S_MAX = Math.sqrt(0.5);
        /** Absolute accuracy of the t quantiles the calibration takes (κ is solved to 1e-9 from them). */
        private static final double T_ACCURACY = 1e-12;

        final int m;
        final TDistribution tm;
        final TDistribution t2m;
        private final double logBeta;
        final double kappa;
        private final Map<Double, Double> pairedCritical = new ConcurrentHashMap<>();

        Calibration(int rounds) {
            if (rounds < 2) {
                throw new IllegalArgumentException("needs 2 or more rounds, was " + rounds);
            }
            m = rounds - 1;
            tm = new TDistribution(null, m, T_ACCURACY);
            t2m = new TDistribution(null, 2 * m, T_ACCURACY);
            logBeta = Beta.logBeta(m / 2.0, m / 2.0);
            kappa = kappa(FalseDiscovery.ALPHA);
        }

        /**
         * H(k) = P(|T_paired| &gt; k | F &gt; 1) when σ_u = 0. With B = SSR/(SSE + SSR) ~ Beta(m/2, m/2),
         * independent of SSE + SSR, T_paired = t_2m/√(2(1 − B)) with t_2m Student's t of 2m df, and
         * F &gt; 1 is B &gt; 1/2. Substituting s = √(1 − B):
         * H(k) = 8/B(m/2, m/2) · ∫_0^{1/√2} P(t_2m &gt; k√2·s) s^(m−1) (1 − s²)^(m/2−1) ds,
         * integrated by Gauss–Legendre on panels halving towards 0 (the integrand's scale is 1/k).
         */
        double h(double k) {
            if (!(k > 0)) {
                return 1;
            }
            UnivariateFunction f = s -> t2m.cumulativeProbability(-k * Math.sqrt(2) * s) * Math.pow(s, m - 1)
                    * Math.pow(1 - s * s, m / 2.0 - 1);
            int panels = (int) Math.max(1, Math.min(80, Math.ceil(Math.log(S_MAX * k * Math.sqrt(2) * 8) / Math.log(2))));
            double total = 0;
            double hi = S_MAX;
            for (int i = 0; i < panels; i++) {
                double lo = hi / 2;
                total += GAUSS.legendre(POINTS, lo, hi).integrate(f);
                hi = lo;
            }
            total += GAUSS.legendre(POINTS, 0, hi).integrate(f);
            return Math.min(1, 8 * Math.exp(-logBeta) * total);
        }

        /** The k at which the paired branch's corrected p is a: H(k) = κa. */
        double pairedCritical(double a) {
            return pairedCritical.computeIfAbsent(a, x -> pairedCritical(x, kappa));
        }

        private double pairedCritical(double a, double kappa) {
            double target = kappa * a;
            if (target >= 1) {
                return 0;
            }
            // H(k) ≤ 2·P(|t_m| > k) (F > 1 has probability 1/2), so H is below the target where the t's own
            // two-sided p is target/4.
            double upper = tm.inverseCumulativeProbability(1 - target / 8);
            return new BrentSolver(1e-12, 1e-12).solve(500, k -> h(k) - target, 0, upper);
        }

        /** The pooled branch's critical value at a: Student's t of 2m df at 1 − (2 − κ)a/2. */
        double pooledCritical(double a) {
            double tail = Math.min(1, (2 - kappa) * a);
            return t2m.inverseCumulativeProbability(1 - tail / 2);
        }

        /**
         * κ at level alpha: the root of (expected width of the 1 − alpha interval at σ_u = 0 over Welch's)
         * = (width as σ_u → ∞ over the paired t's), both in closed form up to one integral; then capped at
         * H(k_2α)/(2α), k_2α the paired t's critical value at 2α, so that the paired branch's tests at 2α
         * (the one-sided tests of TOST at α) stay valid as σ_u → ∞.
         */
        private double kappa(double alpha) {
            double pairedT = tm.inverseCumulativeProbability(1 - alpha / 2);
            double exactAtInfinity = h(pairedT) / alpha; // κ at which the paired branch is exact at α as σ_u → ∞
            double cap = h(tm.inverseCumulativeProbability(1 - alpha)) / (2 * alpha);
            double shrink = expectedShrink();
            double welch = welchCriticalMean(alpha);
            UnivariateFunction gap = kappa -> {
                double kp = pairedCritical(alpha, kappa);
                double kq = t2m.inverseCumulativeProbability(1 - (2 - kappa) * alpha / 2);
                double atZero = (kp * shrink + kq / 2) / welch;
                double atInfinity = kp / pairedT;
                return atZero - atInfinity;
            };
            double equal = gap.value(exactAtInfinity) <= 0 ? exactAtInfinity
                    : new BrentSolver(1e-9, 1e-9).solve(200, gap, 0.5, exactAtInfinity);
            return Math.min(equal, cap);
        }

        /**
         * E[√(2(1 − B)); B &gt; 1/2] at σ_u = 0: the paired branch's standard error over the pooled one,
         * averaged over the half of the data sets that take it (s = √(1 − B) as in {@link #h}).
         */
        private double expectedShrink() {
            UnivariateFunction f = s -> Math.sqrt(2) * s * Math.pow(s, m - 1) * Math.pow(1 - s * s, m / 2.0 - 1);
            return 2 * Math.exp(-logBeta) * GAUSS.legendre(40, 0, S_MAX).integrate(f);
        }

        /**
         * Welch's mean critical value at σ_u = 0 (equal variances, n a side): its degrees of freedom are
         * m/(R² + (1 − R)²) with R = s²_a/(s²_a + s²_b) ~ Beta(m/2, m/2), independent of s²_a + s²_b, whose
         * square root scales Welch's and the pooled standard error alike. R = sin²θ.
         */
        private double welchCriticalMean(double alpha) {
            UnivariateFunction f = theta -> {
                double r = Math.sin(theta) * Math.sin(theta);
                double df = m / (r * r + (1 - r) * (1 - r));
                double t = Intervals.tQuantile(1 - alpha, df, T_ACCURACY);
                return t * 2 * Math.pow(Math.sin(theta), m - 1) * Math.pow(Math.cos(theta), m - 1);
            };
            return Math.exp(-logBeta) * GAUSS.legendre(40, 0, Math.PI / 2).integrate(f);
        }
    }
}
