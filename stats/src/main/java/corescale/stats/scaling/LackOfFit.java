package corescale.stats.scaling;

import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Whether the USL describes a curve at all, so that a zig-zag gets a warning instead of a confident
 * N*. Works on relative deviations r = log(X / fitted). When some N has repeated observations (forks),
 * the classical lack-of-fit F test: the spread of the mean deviations per N against the spread of the
 * forks around them (pure error), p &lt; {@value #F_ALPHA}. Without repeats, the Wald–Wolfowitz runs
 * test on the signs of the deviations in order of N (a curve the law misses bends away from it in
 * long runs; a zig-zag alternates), two-sided p &lt; {@value #RUNS_ALPHA}, from
 * {@value #MIN_RUNS_N} distinct N on. Either way only when the deviations matter: their root mean
 * square per N at least {@value #MIN_RMS} (3%): the USL is a coarse law, and a curve it follows within
 * 3% is described well enough for σ, κ and N* (the Cisco data of the published tests deviate from
 * their fit in a clear wave, runs test p = 2·10⁻⁵, but by 2.2% RMS, and are not flagged).
 */
final class LackOfFit {

    static final double F_ALPHA = 0.01;
    static final double RUNS_ALPHA = 0.05;
    static final int MIN_RUNS_N = 6;
    static final double MIN_RMS = 0.03;

    private LackOfFit() {
    }

    /** Why the law does not fit, or empty when nothing says it does not. */
    static String reason(double[] n, double[] x, UslModel fitted) {
        Map<Double, double[]> byN = new TreeMap<>(); // N -> {count, sum of r, sum of r²}
        for (int i = 0; i < n.length; i++) {
            double r = Math.log(x[i] / fitted.throughput(n[i]));
            double[] s = byN.computeIfAbsent(n[i], k -> new double[3]);
            s[0]++;
            s[1] += r;
            s[2] += r * r;
        }
        int m = byN.size();
        double lof = 0;
        double pure = 0;
        double[] means = new double[m];
        int i = 0;
        for (double[] s : byN.values()) {
            means[i++] = s[1] / s[0];
            lof += s[1] * s[1] / s[0];
            pure += s[2] - s[1] * s[1] / s[0];
        }
        double rms = Math.sqrt(lof / n.length);
        if (rms < MIN_RMS) {
            return "";
        }
        int pureDof = n.length - m;
        int lofDof = m - 3;
        if (pureDof > 0 && lofDof > 0) {
            double f = (lof / lofDof) / (Math.max(pure, 0) / pureDof);
            double p = f == Double.POSITIVE_INFINITY ? 0 : 1 - new FDistribution(null, lofDof, pureDof).cumulativeProbability(f);
            return p < F_ALPHA ? String.format(java.util.Locale.ROOT,
                    "lack of fit: the curve departs from the USL by %.1f%% (RMS) where forks agree within their noise (F test p %s)",
                    100 * rms, pValue(p)) : "";
        }
        double p = runsP(means);
        return p < RUNS_ALPHA ? String.format(java.util.Locale.ROOT,
                "lack of fit: deviations from the USL (%.1f%% RMS) follow a pattern in N (runs test p %s)", 100 * rms, pValue(p)) : "";
    }

    private static String pValue(double p) {
        return p < 1e-4 ? "< 0.0001" : String.format(java.util.Locale.ROOT, "= %.2g", p);
    }

    /** Two-sided p of the runs test on the signs of {@code r} (zeros skipped), normal approximation; 1 when too short. */
    static double runsP(double[] r) {
        int pos = 0;
        int neg = 0;
        int runs = 0;
        int last = 0;
        for (double v : r) {
            int sign = v > 0 ? 1 : v < 0 ? -1 : 0;
            if (sign == 0) {
                continue;
            }
            if (sign > 0) {
                pos++;
            } else {
                neg++;
            }
            if (sign != last) {
                runs++;
                last = sign;
            }
        }
        int total = pos + neg;
        if (total < MIN_RUNS_N || pos == 0 || neg == 0) {
            return 1;
        }
        double mean = 1 + 2.0 * pos * neg / total;
        double var = 2.0 * pos * neg * (2.0 * pos * neg - total) / ((double) total * total * (total - 1));
        double z = (runs - mean) / Math.sqrt(var);
        return 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
    }
}
