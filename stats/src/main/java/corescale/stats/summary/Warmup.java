package corescale.stats.summary;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Finds warm-up shared by the forks of a point: leading measured iterations that differ from the
 * rest of their fork in the same direction in every fork (JIT compilation or caches not settled when
 * JMH's warm-up iterations ended).
 *
 * <p>Sequential test over forks, the unit of replication: for the first iteration, each fork gives
 * its relative difference from the mean of its later iterations; a one-sample t test over the forks
 * (two-sided, α = {@value #ALPHA}) asks whether those differences average 0. If not, the iteration is
 * warm-up and the next one is tested against the iterations after it, and so on. At most half of the
 * shortest fork is dropped, always leaving at least {@value #MIN_KEPT} iterations. Needs
 * {@value #MIN_FORKS} forks: with fewer there is no replication to tell warm-up from noise.
 */
public final class Warmup {

    /** Level of each step's t test. */
    public static final double ALPHA = 0.01;
    /** Fewest forks for the test. */
    public static final int MIN_FORKS = 3;
    /** Fewest iterations per fork kept. */
    public static final int MIN_KEPT = 2;

    private Warmup() {
    }

    /** How many leading iterations of every fork are warm-up; -1 when not tested (too few forks). */
    public static int leadingIterations(double[][] forks) {
        if (forks.length < MIN_FORKS) {
            return -1;
        }
        int shortest = Integer.MAX_VALUE;
        for (double[] f : forks) {
            shortest = Math.min(shortest, f.length);
        }
        int drop = 0;
        while (drop < shortest / 2 && shortest - drop - 1 >= MIN_KEPT && differs(forks, drop)) {
            drop++;
        }
        return drop;
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

    private static boolean differs(double[][] forks, int i) {
        double[] d = new double[forks.length];
        for (int f = 0; f < forks.length; f++) {
            double[] x = forks[f];
            double later = StatUtils.mean(x, i + 1, x.length - i - 1);
            d[f] = (x[i] - later) / Math.abs(later);
        }
        double mean = StatUtils.mean(d);
        if (StatUtils.variance(d, mean) == 0) {
            return mean != 0;
        }
        return new TTest().tTest(0, d) < ALPHA;
    }
}
