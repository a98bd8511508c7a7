package corescale.stats.scaling;

import corescale.stats.summary.Intervals;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * Whether the USL describes a curve at all, so that a zig-zag gets a warning instead of a confident
 * N*. The size of the deviations is judged on the relative scale r = log(X / fitted) whatever the fit
 * minimised; only deviations whose root mean square per N is at least {@value #MIN_RMS} (3%) count:
 * the USL is a coarse law, and a curve it follows within 3% is described well enough for σ, κ and N*.
 *
 * <p><b>With replicates</b> (some N observed more than once: forks) the classical lack-of-fit F test:
 * the spread of the mean deviations per N against the spread of the forks around them (pure error),
 * p &lt; {@value #F_ALPHA}, on the fit's own scale (log X for relative error, X for absolute).
 *
 * <p><b>Without replicates</b> (one observation per N) there is no pure error, so nothing measures the
 * noise the deviations would be held against: lack of fit cannot be tested, and the check says so
 * ({@link #tested()} false) instead of passing the fit. It can still find that the law misses the
 * curve: the Wald–Wolfowitz runs test on the signs of the deviations in order of N (a curve the law
 * misses bends away from it in long runs; a zig-zag alternates), two-sided p &lt; {@value #RUNS_ALPHA},
 * from {@value #MIN_RUNS_N} distinct N on, with deviations of at least 3% RMS. Otherwise the result
 * keeps the deviations and any pattern ({@link Kind#UNTESTED_PATTERN}) for the report to state: the
 * Cisco data of the published tests deviate from the book's fit in a clear wave (runs test
 * p &lt; 0.0001) but by 2.2% RMS: not flagged, not passed either.
 *
 * @param kind what the check found
 * @param rms  root mean square of the deviations per N on the relative scale (0.03 is 3%)
 * @param p    the test's p: the F test's (replicates) or the runs test's (none); NaN when no F test
 *             was made
 */
public record LackOfFit(Kind kind, double rms, double p) {

    static final double F_ALPHA = 0.01;
    static final double RUNS_ALPHA = 0.05;
    static final int MIN_RUNS_N = 6;
    public static final double MIN_RMS = 0.03;
    /** Deviations below this RMS show no pattern worth naming (exact data, rounding): they print as 0.0%. */
    static final double MIN_PATTERN_RMS = 0.0005;

    /** What the check found. */
    public enum Kind {
        /** Tested (replicates) and the law describes the curve. */
        NOT_FOUND(true, false),
        /** Lack of fit: the curve departs from the law where forks agree within their noise (F test). */
        DEPARTS_BEYOND_NOISE(true, true),
        /** Lack of fit without replicates: the deviations follow a pattern in N (runs test). */
        PATTERN_IN_N(true, true),
        /** No replicates, so no test; the deviations show no pattern. */
        UNTESTED(false, false),
        /** No replicates, so no test; the deviations, too small to flag, follow a pattern in N. */
        UNTESTED_PATTERN(false, false);

        private final boolean tested;
        private final boolean found;

        Kind(boolean tested, boolean found) {
            this.tested = tested;
            this.found = found;
        }
    }

    public LackOfFit {
        java.util.Objects.requireNonNull(kind, "kind");
    }

    /** Whether the law does not describe the curve. */
    public boolean found() {
        return kind.found;
    }

    /**
     * Whether the data could have shown lack of fit and the verdict stands either way (replicates),
     * or lack of fit was found; false for a curve without replicates that shows none.
     */
    public boolean tested() {
        return kind.tested;
    }

    /** Checks {@code fitted}, a fit with {@code errors}, against the observations it was fitted to. */
    static LackOfFit check(double[] n, double[] x, UslModel fitted, ErrorModel errors) {
        // N -> {count, sum of r, sum of e, sum of e²}: r on the log scale, e on the fit's scale
        Map<Double, double[]> byN = new TreeMap<>();
        for (int i = 0; i < n.length; i++) {
            double f = fitted.throughput(n[i]);
            double r = Math.log(x[i] / f);
            double e = errors.residual(x[i], f);
            double[] s = byN.computeIfAbsent(n[i], k -> new double[4]);
            s[0]++;
            s[1] += r;
            s[2] += e;
            s[3] += e * e;
        }
        int m = byN.size();
        double lofLog = 0;
        double lof = 0;
        double pure = 0;
        double[] means = new double[m];
        int i = 0;
        for (double[] s : byN.values()) {
            means[i++] = s[1] / s[0];
            lofLog += s[1] * s[1] / s[0];
            lof += s[2] * s[2] / s[0];
            pure += s[3] - s[2] * s[2] / s[0];
        }
        double rms = Math.sqrt(lofLog / n.length);
        int pureDof = n.length - m;
        int lofDof = m - 3;
        if (pureDof > 0) {
            if (rms < MIN_RMS || lofDof <= 0) {
                return new LackOfFit(Kind.NOT_FOUND, rms, Double.NaN);
            }
            double f = (lof / lofDof) / (Math.max(pure, 0) / pureDof);
            double p = f == Double.POSITIVE_INFINITY ? 0 : 1 - new FDistribution(null, lofDof, pureDof).cumulativeProbability(f);
            return new LackOfFit(p < F_ALPHA ? Kind.DEPARTS_BEYOND_NOISE : Kind.NOT_FOUND, rms, p);
        }
        double p = runsP(means);
        if (rms >= MIN_RMS && p < RUNS_ALPHA) {
            return new LackOfFit(Kind.PATTERN_IN_N, rms, p);
        }
        return new LackOfFit(p < RUNS_ALPHA && rms >= MIN_PATTERN_RMS ? Kind.UNTESTED_PATTERN : Kind.UNTESTED, rms, p);
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
        return 2 * Intervals.zCdf(-Math.abs(z));
    }
}
