package corescale.stats.scaling;

/**
 * A throughput model X(N; p) with its analytic gradient in the parameters, so that the
 * Levenberg–Marquardt fit needs no numerical differentiation.
 */
interface CurveModel {

    /** X(n) for parameters {@code p}. */
    double value(double[] p, double n);

    /** Writes ∂X/∂p_i at {@code n} into {@code out}. */
    void gradient(double[] p, double n, double[] out);

    /**
     * Projects a trial point back into the allowed region. The optimiser calls this on every
     * step, so it must be cheap and idempotent.
     */
    double[] constrain(double[] p);
}
