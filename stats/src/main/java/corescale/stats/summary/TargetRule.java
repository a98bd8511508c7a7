package corescale.stats.summary;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * When a point measured to a precision target p may stop adding forks, and which interval it then
 * has: a fixed-width sequential interval, x̄ ± p·|x̄| (Chow and Robbins, Ann. Math. Statist. 36, 1965;
 * Stein, Ann. Math. Statist. 16, 1945). The sweep decides with {@link #met}; the summariser prints
 * {@link #interval} for the points the sweep stopped there (points.csv's {@code target_met}).
 * <p>
 * Why not the Student t interval of the forks that stopped: a point stops when its forks happen to
 * agree, so its t interval is narrowest exactly when it understates the spread (at fork spreads of
 * 5% and a 3% target it covered 86.7% checked from 7 forks, 89% checked at 12 only). The mean of n
 * normal fork means is independent of their spread, so a stop decided by the spread leaves x̄ ± p at
 * n forks covering 2Φ(p√n/σ) − 1 of the time: from {@value #PLAIN_FROM} forks at least 96% while the
 * spread σ is at most 5/3 of the target, 89% at 7 forks. Before {@value #PLAIN_FROM} forks, a stop
 * needs the 90% upper confidence bound of σ, not s, to pass the test, which keeps points whose first
 * forks agreed by luck from stopping early. The test compares with p·|x̄|, so x̄ plays a part too:
 * the coverage quoted in stats/STATISTICS.md is what {@code PrecisionLoopTest} simulates through the
 * sweep's own loop.
 */
public final class TargetRule {

    /** Fewest forks at which a point may stop at its target. */
    public static final int FIRST_CHECK = 4;
    /** Forks from which the test uses the forks' own spread: the fixed width covers by itself from here. */
    public static final int PLAIN_FROM = 12;
    /** One-sided level of the upper bound on σ the test uses before {@value #PLAIN_FROM} forks. */
    public static final double SIGMA_BOUND = 0.90;

    private TargetRule() {
    }

    /**
     * Whether {@code forkMeans} meet the relative {@code target}: {@link #testedHalfWidth} ≤ target·|x̄|;
     * false below {@value WelchOnLogs#MIN_FORKS} forks or with a mean of 0. The sweep asks from {@link #FIRST_CHECK} forks on (from
     * fewer only when its profile allows fewer).
     */
    public static boolean met(double[] forkMeans, double target) {
        int n = forkMeans.length;
        if (n < WelchOnLogs.MIN_FORKS) {
            return false;
        }
        double mean = StatUtils.mean(forkMeans);
        return mean != 0 && testedHalfWidth(StatUtils.variance(forkMeans, mean), n) <= target * Math.abs(mean);
    }

    /**
     * The half-width the test compares with the target, for n fork means of sample variance
     * {@code variance}: t(95%, n−1)·√(variance/n)·{@link #sigmaFactor}(n). The sweep also uses it on a
     * predicted variance to plan how many forks a point needs.
     */
    public static double testedHalfWidth(double variance, int n) {
        return Intervals.tQuantile(Intervals.LEVEL, n - 1) * Math.sqrt(variance / n) * sigmaFactor(n);
    }

    /**
     * √((n−1)/χ²(1 − {@value #SIGMA_BOUND}; n−1)): the sample standard deviation of n values times this is
     * the {@value #SIGMA_BOUND} upper confidence bound of σ; 1 from {@value #PLAIN_FROM} forks on.
     */
    public static double sigmaFactor(int n) {
        if (n >= PLAIN_FROM) {
            return 1;
        }
        double df = n - 1;
        return Math.sqrt(df / new ChiSquaredDistribution(null, df).inverseCumulativeProbability(1 - SIGMA_BOUND));
    }

    /**
     * The interval of a point stopped at {@code target}: x̄ ± target·|x̄|, or the forks' own {@code studentT}
     * where that is wider (forks added after the stop, or a warm-up the summariser drops); the target's
     * alone when the forks have none ({@link Interval#NONE}: no spread seen).
     */
    public static Interval interval(double mean, Interval studentT, double target) {
        double own = (studentT.high() - studentT.low()) / 2;
        double half = Double.isNaN(own) ? target * Math.abs(mean) : Math.max(target * Math.abs(mean), own);
        return new Interval(mean - half, mean + half);
    }
}
