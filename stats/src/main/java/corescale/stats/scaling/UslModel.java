package corescale.stats.scaling;

/**
 * The Universal Scalability Law with fixed coefficients:
 * X(N) = λN / (1 + σ(N−1) + κN(N−1)).
 * Pure and immutable; use it to draw the fitted curve and the ideal line.
 *
 * @param sigma  contention σ (serialisation; Amdahl's serial fraction when κ = 0)
 * @param kappa  coherency κ (crosstalk; makes the curve turn down)
 * @param lambda throughput of one unit of concurrency without any interference, in the curve's unit
 */
public record UslModel(double sigma, double kappa, double lambda) {

    /** Fitted throughput at concurrency {@code n} (any real n ≥ 0, so a chart can draw it smoothly). */
    public double throughput(double n) {
        return lambda * n / denominator(n);
    }

    /** The ideal linear line λN: what the curve would be without contention or coherency. */
    public double ideal(double n) {
        return lambda * n;
    }

    /** Relative capacity C(N) = X(N)/λ, the model's speedup over one unit of concurrency. */
    public double speedup(double n) {
        return n / denominator(n);
    }

    /** Fitted throughput at each of {@code ns}, for plotting. */
    public double[] throughput(double[] ns) {
        double[] out = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            out[i] = throughput(ns[i]);
        }
        return out;
    }

    /** The ideal line λN at each of {@code ns}, for plotting. */
    public double[] ideal(double[] ns) {
        double[] out = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            out[i] = ideal(ns[i]);
        }
        return out;
    }

    /**
     * Peak concurrency N* = √((1−σ)/κ), where the curve turns retrograde.
     * {@code +Infinity} when κ = 0 and σ &lt; 1: the curve rises for ever towards λ/σ and has no
     * peak. {@code NaN} when σ ≥ 1: the formula does not apply because throughput already falls
     * from N = 1 on.
     */
    public double peakConcurrency() {
        if (sigma >= 1) {
            return Double.NaN;
        }
        if (kappa == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt((1 - sigma) / kappa);
    }

    /**
     * The highest fitted throughput for N ≥ 1: X(N*) when N* is finite (X(1) when N* &lt; 1);
     * when the curve has no peak (κ = 0) it is X at {@code largestMeasuredN}, since the model's
     * supremum lies beyond anything measured; when σ ≥ 1 it is X(1).
     */
    public double peakThroughput(double largestMeasuredN) {
        double nStar = peakConcurrency();
        if (Double.isNaN(nStar)) {
            return throughput(1);
        }
        if (Double.isInfinite(nStar)) {
            return throughput(largestMeasuredN);
        }
        return throughput(Math.max(1, nStar));
    }

    private double denominator(double n) {
        return 1 + sigma * (n - 1) + kappa * n * (n - 1);
    }
}
