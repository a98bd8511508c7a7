package corescale.stats.scaling;

import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * Fits X(N) = λN / (1 + s(N−1)) by Levenberg–Marquardt with an analytic Jacobian, with the curve's
 * error model as the USL (relative error, least squares on log X, unless told otherwise; see
 * {@link ErrorModel#forObservations}); s ≥ 0 and λ &gt; 0 kept by clamping, for the reasons given in
 * {@link UslFitter}. Its interval is a Wald interval (s ± t·SE) on the fit's scale.
 */
public final class AmdahlFitter {

    private AmdahlFitter() {
    }

    /** Fits Amdahl's law to throughputs {@code x} at concurrencies {@code n}; see {@link AmdahlFit}. */
    public static AmdahlFit fit(double[] n, double[] x, ErrorModel errors) {
        NoFit problem = Observations.problem(n, x);
        int distinct = Observations.distinct(n);
        if (problem != null) {
            return AmdahlFit.none(n.length, distinct, errors, problem);
        }
        if (distinct < AmdahlFit.MIN_DISTINCT_N) {
            return AmdahlFit.none(n.length, distinct, errors, NoFit.tooFewN(distinct, AmdahlFit.MIN_DISTINCT_N));
        }
        double scale = Observations.scale(n, x);
        double[] y = Observations.divide(x, scale);
        NonlinearFit.Result r;
        try {
            r = NonlinearFit.fit(errors.on(AMDAHL), n, errors.target(y), new double[] {0.05, 1});
        } catch (MathIllegalStateException e) {
            return AmdahlFit.none(n.length, distinct, errors, NoFit.noConvergence(e.getMessage()));
        }
        double s = r.params()[0];
        double half = r.halfWidth95(0);
        return new AmdahlFit(s, r.stdErrors()[0], Math.max(0, s - half), s + half, r.params()[1] * scale,
                r.rSquared(), n.length, distinct, errors, null);
    }

    /** Parameters p = (s, λ). */
    static final CurveModel AMDAHL = new CurveModel() {
        @Override
        public double value(double[] p, double n) {
            return p[1] * n / (1 + p[0] * (n - 1));
        }

        @Override
        public void gradient(double[] p, double n, double[] out) {
            double d = 1 + p[0] * (n - 1);
            out[0] = -p[1] * n * (n - 1) / (d * d);
            out[1] = n / d;
        }

        @Override
        public double[] constrain(double[] p) {
            return new double[] {Math.max(0, p[0]), Math.max(1e-12, p[1])};
        }
    };
}
