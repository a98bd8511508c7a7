package corescale.stats.scaling;

import java.util.Objects;

/**
 * Result of fitting Amdahl's law to one curve: speedup S(N) = N / (1 + s(N−1)) with serial
 * fraction s. Fitted, like the USL, on throughput X(N) = λ·S(N) with λ free, so that a noisy or
 * missing X(1) does not anchor the curve; Amdahl is exactly the USL with κ = 0. s is constrained to
 * be ≥ 0 but not ≤ 1: s &gt; 1 says throughput falls as N grows, which a contended lock can do.
 *
 * @param serialFraction s, or NaN when not fitted
 * @param stdError       standard error of s
 * @param low            lower end of its 95% Student-t interval (n−2 degrees of freedom), clipped at 0
 * @param high           upper end of that interval
 * @param lambda         fitted throughput of one unit of concurrency
 * @param rSquared       1 − RSS/TSS on the fit's scale (log throughput for relative error, throughput
 *                       for absolute)
 * @param points         number of observations
 * @param distinctN      number of distinct N
 * @param errors         what the fit minimised (for an unfitted result, what it would have minimised)
 * @param noFit          why there is no fit; null when fitted
 */
public record AmdahlFit(double serialFraction, double stdError, double low, double high, double lambda,
                        double rSquared, int points, int distinctN, ErrorModel errors, NoFit noFit) {

    /** The fewest distinct N: two parameters and one residual degree of freedom. */
    public static final int MIN_DISTINCT_N = 3;

    public AmdahlFit {
        Objects.requireNonNull(errors, "errors");
    }

    public static AmdahlFit none(int points, int distinctN, NoFit why) {
        return none(points, distinctN, ErrorModel.RELATIVE, why);
    }

    /** A result without a fit, saying why, for a curve whose fit would have minimised {@code errors}. */
    public static AmdahlFit none(int points, int distinctN, ErrorModel errors, NoFit why) {
        double nan = Double.NaN;
        return new AmdahlFit(nan, nan, nan, nan, nan, nan, points, distinctN, errors, why);
    }

    public boolean fitted() {
        return !Double.isNaN(serialFraction);
    }

    /** Fitted speedup over one unit of concurrency at {@code n}. */
    public double speedup(double n) {
        return n / (1 + serialFraction * (n - 1));
    }

    /** Fitted throughput at {@code n}. */
    public double throughput(double n) {
        return lambda * speedup(n);
    }
}
