package corescale.stats.scaling;

import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * Fits X(N) = λN / (1 + σ(N−1) + κN(N−1)) by Levenberg–Marquardt with an analytic Jacobian.
 *
 * <p><b>Constraints.</b> σ, κ ≥ 0 and λ &gt; 0 are kept by a parameter validator that projects each
 * trial point onto the allowed region (clamps), not by reparametrising σ = a², κ = b². With the
 * square reparametrisation the Jacobian column of a parameter vanishes exactly at 0, so a fit that
 * lands on the boundary (linear scaling: κ = 0) would have a singular covariance and no interval;
 * clamping keeps the Jacobian in the natural parameters, so the covariance, and the interval,
 * still exist there (as R's {@code nls(algorithm = "port")} reports them).
 *
 * <p><b>Start.</b> Throughput is first divided by its largest X/N, so λ starts at 1. σ and κ start
 * from Gunther's linearisation N/C(N) − 1 = σ(N−1) + κN(N−1) with C = X/λ₀, solved by ordinary
 * least squares and clamped at 0; if the optimiser fails from there it retries from a neutral start.
 */
public final class UslFitter {

    private UslFitter() {
    }

    /**
     * Fits the law to throughputs {@code x} measured at concurrencies {@code n} (same length, any
     * order, repeated N allowed).
     *
     * @return a fit, or a result saying why there is none (fewer than {@value UslFit#MIN_DISTINCT_N}
     *         distinct N, non-positive throughput, no convergence)
     */
    public static UslFit fit(double[] n, double[] x) {
        String problem = Observations.problem(n, x);
        int distinct = Observations.distinct(n);
        if (problem != null) {
            return UslFit.none(n.length, distinct, "no USL fit: " + problem);
        }
        if (distinct < UslFit.MIN_DISTINCT_N) {
            return UslFit.none(n.length, distinct, "no USL fit: " + distinct + " distinct N, need at least "
                    + UslFit.MIN_DISTINCT_N);
        }
        double scale = Observations.scale(n, x);
        double[] y = Observations.divide(x, scale);

        NonlinearFit.Result r;
        try {
            r = NonlinearFit.fit(USL, n, y, linearisedStart(n, y));
        } catch (MathIllegalStateException first) {
            try {
                r = NonlinearFit.fit(USL, n, y, new double[] {0.01, 0.0001, 1});
            } catch (MathIllegalStateException second) {
                return UslFit.none(n.length, distinct, "no USL fit: optimiser did not converge ("
                        + second.getMessage() + ")");
            }
        }

        UslModel model = new UslModel(r.params()[0], r.params()[1], r.params()[2] * scale);
        double sigmaHalf = r.halfWidth95(0);
        double kappaHalf = r.halfWidth95(1);
        double nMax = Observations.max(n);
        return new UslFit(model, n.length, distinct,
                r.stdErrors()[0], Math.max(0, model.sigma() - sigmaHalf), model.sigma() + sigmaHalf,
                r.stdErrors()[1], Math.max(0, model.kappa() - kappaHalf), model.kappa() + kappaHalf,
                r.stdErrors()[2] * scale, model.peakConcurrency(), model.peakThroughput(nMax), r.rSquared(),
                peakNote(model, nMax));
    }

    private static String peakNote(UslModel m, double nMax) {
        double nStar = m.peakConcurrency();
        if (Double.isNaN(nStar)) {
            return "sigma >= 1: throughput falls from N=1 on, n_star undefined, x_max is X(1)";
        }
        if (Double.isInfinite(nStar)) {
            return "kappa = 0: no retrograde region, n_star undefined, x_max is X at n_max=" + fmt(nMax);
        }
        return "";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** OLS of z = N/C − 1 on (N−1, N(N−1)) without intercept; a good start whatever the data. */
    private static double[] linearisedStart(double[] n, double[] y) {
        double lambda0 = Observations.scale(n, y); // 1 after normalisation, kept explicit
        double saa = 0, sab = 0, sbb = 0, saz = 0, sbz = 0;
        for (int i = 0; i < n.length; i++) {
            double a = n[i] - 1;
            double b = n[i] * (n[i] - 1);
            double z = n[i] * lambda0 / y[i] - 1;
            saa += a * a;
            sab += a * b;
            sbb += b * b;
            saz += a * z;
            sbz += b * z;
        }
        double det = saa * sbb - sab * sab;
        double sigma = det != 0 ? (saz * sbb - sbz * sab) / det : 0;
        double kappa = det != 0 ? (sbz * saa - saz * sab) / det : 0;
        return new double[] {Math.max(0, sigma), Math.max(0, kappa), lambda0};
    }

    /** Parameters p = (σ, κ, λ). */
    static final CurveModel USL = new CurveModel() {
        @Override
        public double value(double[] p, double n) {
            return p[2] * n / (1 + p[0] * (n - 1) + p[1] * n * (n - 1));
        }

        @Override
        public void gradient(double[] p, double n, double[] out) {
            double d = 1 + p[0] * (n - 1) + p[1] * n * (n - 1);
            double xOverD = p[2] * n / (d * d);
            out[0] = -xOverD * (n - 1);
            out[1] = -xOverD * n * (n - 1);
            out[2] = n / d;
        }

        @Override
        public double[] constrain(double[] p) {
            return new double[] {Math.max(0, p[0]), Math.max(0, p[1]), Math.max(1e-12, p[2])};
        }
    };
}
