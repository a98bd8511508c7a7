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
     * X and its gradient at every {@code n[i]}, into {@code values[i]} and {@code jacobian[i]}: what a
     * fit asks for at each step. A model with work that does not depend on n overrides it to do that
     * work once per step; the numbers must stay those of {@link #value} and {@link #gradient}.
     */
    default void evaluate(double[] p, double[] n, double[] values, double[][] jacobian) {
        for (int i = 0; i < n.length; i++) {
            values[i] = value(p, n[i]);
            gradient(p, n[i], jacobian[i]);
        }
    }

    /**
     * Projects a trial point back into the allowed region. The optimiser calls this on every
     * step, so it must be cheap and idempotent.
     */
    double[] constrain(double[] p);
}
