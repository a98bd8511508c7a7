package corescale.stats.scaling;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * Fits X(N) = λN / (1 + σ(N−1) + κN(N−1)) by Levenberg–Marquardt with an analytic Jacobian.
 *
 * <p><b>Observations and error.</b> The scaling curves fit every fork mean as an observation (forks
 * are the replicates) with {@link ErrorModel#RELATIVE relative error}: squared differences of log X. A
 * curve without replicates (one value per N, e.g. JMH's pooled scores) is fitted with
 * {@link ErrorModel#ABSOLUTE absolute error}, ordinary least squares on X, as the published USL fits
 * (Gunther, Schwartz, R's {@code usl}) fit such data; see {@link ErrorModel#forObservations}.
 *
 * <p><b>Intervals.</b> σ, κ, N* and X(N*) get 95% profile-likelihood intervals ({@link Profile}) on
 * the fit's own scale (log X or X), so each interval belongs to the model its estimate came from.
 * Then the peak is classified ({@link Peak}) and the fit checked for lack of fit ({@link LackOfFit}),
 * which a curve without replicates cannot test: its result says so.
 *
 * <p><b>Constraints.</b> σ, κ ≥ 0 and λ &gt; 0 are kept by a parameter validator that projects each
 * trial point onto the allowed region (clamps), not by reparametrising σ = a², κ = b², whose Jacobian
 * column vanishes at 0 and would stall a fit that belongs on the boundary (linear scaling: κ = 0).
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
     * order, repeated N allowed and expected: one observation per fork).
     *
     * @return a fit, or a result saying why there is none (fewer than {@value UslFit#MIN_DISTINCT_N}
     *         distinct N, non-positive throughput, no convergence)
     */
    public static UslFit fit(double[] n, double[] x, ErrorModel errors) {
        NoFit problem = Observations.problem(n, x);
        int distinct = Observations.distinct(n);
        if (problem != null) {
            return UslFit.none(n.length, distinct, errors, problem);
        }
        if (distinct < UslFit.MIN_DISTINCT_N) {
            return UslFit.none(n.length, distinct, errors, NoFit.tooFewN(distinct, UslFit.MIN_DISTINCT_N));
        }
        double scale = Observations.scale(n, x);
        double[] y = Observations.divide(x, scale);
        CurveModel model = errors.on(USL);
        double[] target = errors.target(y);

        NonlinearFit.Result r;
        try {
            r = NonlinearFit.fit(model, n, target, linearisedStart(n, y));
        } catch (MathIllegalStateException first) {
            try {
                r = NonlinearFit.fit(model, n, target, new double[] {0.01, 0.0001, 1});
            } catch (MathIllegalStateException second) {
                return UslFit.none(n.length, distinct, errors, NoFit.noConvergence(second.getMessage()));
            }
        }
        double[] p = r.params();
        UslModel unit = new UslModel(p[0], p[1], p[2]);
        UslModel m = new UslModel(p[0], p[1], p[2] * scale);
        double nMin = Arrays.stream(n).min().orElseThrow();
        double nMax = Observations.max(n);

        Profile profile = new Profile(model, n, target, p, r.rss());
        Estimate sigma = profile.interval(Profile.SIGMA, p[0], p[0], 0, step(r, 0, Math.max(0.1 * p[0], 1e-3)), false);
        Estimate kappa = profile.interval(Profile.KAPPA, p[1], p[1], 0,
                step(r, 1, Math.max(0.1 * p[1], 1e-3 / (nMax * nMax))), false);
        double nStar = unit.peakConcurrency();
        Estimate peakN;
        Estimate peakX = new Estimate(m.peakThroughput(nMax), Double.NaN, Double.NaN);
        if (Double.isNaN(nStar)) {
            peakN = Estimate.NONE;
        } else if (Double.isInfinite(nStar)) {
            // the profile of N* is flat towards infinity; search its low end from far out
            peakN = profile.interval(Profile.N_STAR, nStar, 1e4 * nMax, 0, 0, true);
        } else {
            peakN = profile.interval(Profile.N_STAR, nStar, nStar, 0, 0, true);
            if (nStar >= 1) {
                double x1 = unit.throughput(nStar);
                peakX = profile.interval(Profile.PEAK_THROUGHPUT, x1, x1, 0, 0, true).times(scale);
            }
        }
        LackOfFit lack = LackOfFit.check(n, x, m, errors);
        Peak.Finding peak = new Peak.Finding(peakBasis(nStar, kappa, nMin, nMax, lack.found()), nStar, nMin, nMax);
        return new UslFit(m, n.length, distinct, errors, sigma, kappa, peakN, peakX, r.rSquared(), peak, lack, null);
    }

    /** The first step of the search for an interval's ends: the Wald half-width when there is one. */
    private static double step(NonlinearFit.Result r, int i, double fallback) {
        double half = r.halfWidth95(i);
        return Double.isFinite(half) && half > 0 ? half : fallback;
    }

    /** Why the peak is what it is; the first case that holds, in the order of {@link Peak.Basis}. */
    private static Peak.Basis peakBasis(double nStar, Estimate kappa, double nMin, double nMax, boolean lack) {
        if (Double.isNaN(nStar)) {
            return Peak.Basis.FALLS_FROM_ONE;
        }
        if (Double.isInfinite(nStar)) {
            return Peak.Basis.NO_RETROGRADE;
        }
        if (lack) {
            return Peak.Basis.LAW_DOES_NOT_FIT;
        }
        if (!(kappa.low() > 0)) {
            return Peak.Basis.KAPPA_MAY_BE_ZERO;
        }
        return nStar >= nMin && nStar <= nMax ? Peak.Basis.INSIDE_MEASURED : Peak.Basis.OUTSIDE_MEASURED;
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
