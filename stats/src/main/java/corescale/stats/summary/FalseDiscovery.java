package corescale.stats.summary;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini–Hochberg adjusted p-values ("q-values", as R's {@code p.adjust(p, "BH")}): rejecting every
 * test with q ≤ α keeps the expected share of false discoveries among the rejections at or below α
 * for independent tests. The points of one comparison are such a family, and so are the leads of
 * one report's rankings ({@code corescale.stats.ranking.Leads}).
 */
public final class FalseDiscovery {

    /** The false-discovery rate every "faster", "slower" and "fastest" of the module is held to. */
    public static final double ALPHA = 0.05;

    private FalseDiscovery() {
    }

    /** q_(i) = min over j ≥ i of p_(j)·m/j, capped at 1; NaN p-values are left out of m and stay NaN. */
    public static double[] adjust(double[] p) {
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        int m = order.length;
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
