package corescale.stats.scaling;

import java.util.Arrays;

/** Checks on the (N, X) arrays every fit starts with. Package-private helper. */
final class Observations {

    private Observations() {
    }

    /** Throws when the arrays cannot be paired; returns why the data cannot be fitted, else null. */
    static NoFit problem(double[] n, double[] x) {
        if (n.length != x.length) {
            throw new IllegalArgumentException("n and x differ in length: " + n.length + " vs " + x.length);
        }
        for (int i = 0; i < n.length; i++) {
            if (!(n[i] >= 1) || !Double.isFinite(n[i])) {
                return NoFit.badN(n[i]);
            }
            if (!(x[i] > 0) || !Double.isFinite(x[i])) {
                return NoFit.badThroughput(n[i], x[i]);
            }
        }
        return null;
    }

    static int distinct(double[] n) {
        return (int) Arrays.stream(n).distinct().count();
    }

    static double max(double[] n) {
        return Arrays.stream(n).max().orElse(Double.NaN);
    }

    /**
     * The largest per-unit throughput X/N. Fits run on X divided by this, so λ starts near 1 and the
     * optimiser's steps are well scaled whatever the unit (ops/s or ops/ns).
     */
    static double scale(double[] n, double[] x) {
        double s = 0;
        for (int i = 0; i < n.length; i++) {
            s = Math.max(s, x[i] / n[i]);
        }
        return s;
    }

    static double[] divide(double[] x, double by) {
        return Arrays.stream(x).map(v -> v / by).toArray();
    }
}
