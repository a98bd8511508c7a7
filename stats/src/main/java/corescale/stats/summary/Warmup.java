package corescale.stats.summary;

import org.apache.commons.math3.stat.StatUtils;

/**
 * Finds warm-up shared by the forks of a point: leading measured iterations that differ from the
 * rest of their fork in the same direction in every fork (JIT compilation or caches not settled when
 * JMH's warm-up iterations ended).
 *
 * <p>Sequential test on the logs of the scores. For iteration {@code i}, each fork gives
 * {@code d_f = log x_fi − mean(log x_fj, j > i)}, and the test is on the mean of the {@code d_f} over
 * forks. Its noise is not estimated from the spread of the {@code d_f} alone (k − 1 degrees of
 * freedom: 2 at three forks, too few to find anything), but from every iteration of every fork: the
 * residual variance {@code s²} of the additive model {@code log x_fi = a_f + b_i + e_fi}, a level per
 * fork and an effect per leading position that may be dropped ({@code i < most}, the positions after
 * sharing one level), fitted by least squares. Warm-up is a position effect, so it does not inflate
 * {@code s²}; forks of unequal length are handled exactly. With iterations independent,
 * {@code var(mean d) = s² Σ_f (1 + 1/m_f) / k²}, {@code m_f} the iterations of fork f after i, and
 * {@code t = mean d / √var} has {@code N − k − most} degrees of freedom (4 at 3 forks × 3 iterations,
 * 40 at 5 × 10).
 *
 * <p>The first iteration is warm-up when {@code |t|} is significant at {@value #ALPHA} (two-sided):
 * that step alone decides whether anything is dropped, so it sets the false-drop rate. Once warm-up is
 * found, each next iteration is warm-up too when it still differs in the same direction, one-sided at
 * {@value #ALPHA_NEXT}: dropping a settled iteration costs one iteration per fork, keeping an unsettled
 * one biases the mean. At most half of the shortest fork is dropped (rounded up: 2 of 3, 5 of 10),
 * always leaving at least {@value #MIN_KEPT} iteration. Needs {@value #MIN_FORKS} forks: with fewer
 * there is no replication to tell warm-up from noise.
 */
public final class Warmup {

    /** Level of the first step's two-sided t test: the rate of dropping anything without warm-up. */
    public static final double ALPHA = 0.01;
    /** Level of each later step's one-sided t test, once warm-up has been found. */
    public static final double ALPHA_NEXT = 0.05;
    /** Fewest forks for the test. */
    public static final int MIN_FORKS = 3;
    /** Fewest iterations per fork kept. */
    public static final int MIN_KEPT = 1;

    private Warmup() {
    }

    /**
     * How many leading iterations of every fork are warm-up; -1 when not tested (fewer than
     * {@value #MIN_FORKS} forks, or a score that is not a finite positive number).
     */
    public static int leadingIterations(double[][] forks) {
        if (forks.length < MIN_FORKS) {
            return -1;
        }
        int shortest = Integer.MAX_VALUE;
        double[][] logs = new double[forks.length][];
        for (int f = 0; f < forks.length; f++) {
            shortest = Math.min(shortest, forks[f].length);
            logs[f] = new double[forks[f].length];
            for (int i = 0; i < forks[f].length; i++) {
                double x = forks[f][i];
                if (!(x > 0) || !Double.isFinite(x)) {
                    return -1;
                }
                logs[f][i] = Math.log(x);
            }
        }
        int most = mostDropped(shortest);
        if (most == 0) {
            return 0;
        }
        Noise noise = noise(logs, most);
        int drop = 0;
        double direction = 0;
        while (drop < most) {
            double ti = stepT(logs, drop, noise.variance());
            boolean warm = drop == 0
                    ? 2 * Intervals.tCdf(-Math.abs(ti), noise.df()) < ALPHA
                    : Intervals.tCdf(-direction * ti, noise.df()) < ALPHA_NEXT;
            if (!warm) {
                break;
            }
            direction = Math.signum(ti);
            drop++;
        }
        return drop;
    }

    /** Most leading iterations that may be dropped from forks of {@code shortest} iterations: half, rounded up, keeping one. */
    public static int mostDropped(int shortest) {
        return Math.max(0, Math.min((shortest + 1) / 2, shortest - MIN_KEPT));
    }

    /** The forks without their first {@code drop} iterations. */
    public static double[][] without(double[][] forks, int drop) {
        if (drop <= 0) {
            return forks;
        }
        double[][] out = new double[forks.length][];
        for (int f = 0; f < forks.length; f++) {
            out[f] = java.util.Arrays.copyOfRange(forks[f], drop, forks[f].length);
        }
        return out;
    }

    /** Residual variance of one log iteration and its degrees of freedom. */
    record Noise(double variance, int df) {
    }

    /**
     * Least-squares fit of {@code log x_fi = a_f + b_i + e_fi} with {@code b_i = 0} for {@code i >= k}.
     * Every fork has all k effect positions (k is below the shortest fork's length), so the normal
     * equations solve in closed form: with {@code q_i = Σ_f (l_fi − mean_f)}, {@code s = Σ_f 1/n_f}
     * and F forks, {@code B = Σ_i b_i = Σ_i q_i / (F − s k)}, {@code b_i = (q_i + s B) / F},
     * {@code a_f = mean_f − B / n_f}.
     */
    static Noise noise(double[][] logs, int k) {
        int forks = logs.length;
        double[] means = new double[forks];
        double s = 0;
        int n = 0;
        for (int f = 0; f < forks; f++) {
            means[f] = StatUtils.mean(logs[f]);
            s += 1.0 / logs[f].length;
            n += logs[f].length;
        }
        double[] q = new double[k];
        double sumQ = 0;
        for (int i = 0; i < k; i++) {
            for (int f = 0; f < forks; f++) {
                q[i] += logs[f][i] - means[f];
            }
            sumQ += q[i];
        }
        double sumB = sumQ / (forks - s * k);
        double rss = 0;
        for (int f = 0; f < forks; f++) {
            double a = means[f] - sumB / logs[f].length;
            for (int i = 0; i < logs[f].length; i++) {
                double e = logs[f][i] - a - (i < k ? (q[i] + s * sumB) / forks : 0);
                rss += e * e;
            }
        }
        int df = n - forks - k;
        return new Noise(rss / df, df);
    }

    /** t of iteration i against the iterations after it, over forks, with the model's noise. */
    private static double stepT(double[][] logs, int i, double variance) {
        int forks = logs.length;
        double sumD = 0;
        double weights = 0;
        for (double[] l : logs) {
            int later = l.length - i - 1;
            sumD += l[i] - StatUtils.mean(l, i + 1, later);
            weights += 1 + 1.0 / later;
        }
        double meanD = sumD / forks;
        if (variance == 0) {
            return meanD == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, meanD);
        }
        return meanD / Math.sqrt(variance * weights / ((double) forks * forks));
    }
}
