package corescale.stats.scaling;

import corescale.stats.summary.Intervals;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;

import java.util.function.DoubleUnaryOperator;

/**
 * Profile-likelihood 95% intervals for quantities of a USL fit (Bates &amp; Watts, ch. 6): the
 * interval of a quantity q holds every value v at which the best fit with q held at v has
 * RSS(v) ≤ RSS_min · (1 + F(0.95; 1, n−3)/(n−3)). Unlike a Wald interval (estimate ± t·SE) it
 * follows the curvature of the model, stops at the constraint σ, κ ≥ 0 without clipping, and is
 * open (+∞) where the data set no bound. Each end is bracketed by growing steps, then found by
 * Brent's method, each fit warm-started from the nearest accepted one.
 */
final class Profile {

    private static final int BRACKET_STEPS = 40;
    /** Factor steps e^(0.1·2^j) for positive quantities: 9 steps reach a factor of 10^11. */
    private static final int FACTOR_STEPS = 9;
    /** Fits allowed to find one end once bracketed (7.5 on average and at most 25 over the 1,122 ends of scripts/measure-stats.sh's input). */
    private static final int EVALUATIONS = 100;
    /**
     * How closely each end is found, as a fraction of the bracket it was found in: fine enough for an
     * interval far narrower than the bracketing steps (near-exact data), and cheap, as Brent's method
     * converges fast on the near-linear profile t.
     */
    private static final double TOLERANCE = 1e-6;

    /**
     * One quantity held fixed at v: the USL parameters (σ, κ, λ) from v and two free parameters u,
     * with ∂(σ, κ, λ)/∂u for the optimiser.
     */
    interface Fixed {
        double[] full(double v, double[] u);

        double[][] jacobian(double v, double[] u);

        /** The free parameters of a full parameter vector (the start of the first profile fit). */
        double[] free(double[] full);

        double[] constrain(double[] u);
    }

    static final Fixed SIGMA = linear(0);
    static final Fixed KAPPA = linear(1);

    /** N* = √((1−σ)/κ) held at m: u = (σ, λ), κ = (1−σ)/m². */
    static final Fixed N_STAR = new Fixed() {
        public double[] full(double m, double[] u) {
            return new double[] {u[0], (1 - u[0]) / (m * m), u[1]};
        }

        public double[][] jacobian(double m, double[] u) {
            return new double[][] {{1, 0}, {-1 / (m * m), 0}, {0, 1}};
        }

        public double[] free(double[] p) {
            return new double[] {p[0], p[2]};
        }

        public double[] constrain(double[] u) {
            return new double[] {Math.min(1, Math.max(0, u[0])), Math.max(1e-12, u[1])};
        }
    };

    /** X(N*) held at x: u = (σ, N*), κ = (1−σ)/N*², λ = x·D(N*)/N* with D(m) = 1 + (m−1)(σ + (1−σ)/m). */
    static final Fixed PEAK_THROUGHPUT = new Fixed() {
        public double[] full(double x, double[] u) {
            double s = u[0];
            double m = u[1];
            return new double[] {s, (1 - s) / (m * m), x * (1 + (m - 1) * (s + (1 - s) / m)) / m};
        }

        public double[][] jacobian(double x, double[] u) {
            double s = u[0];
            double m = u[1];
            double d = 1 + (m - 1) * (s + (1 - s) / m);
            double dDds = (m - 1) * (m - 1) / m;
            double dDdm = s + (1 - s) / (m * m);
            return new double[][] {
                {1, 0},
                {-1 / (m * m), -2 * (1 - s) / (m * m * m)},
                {x * dDds / m, x * (dDdm * m - d) / (m * m)}};
        }

        public double[] free(double[] p) {
            return new double[] {p[0], Math.sqrt((1 - p[0]) / p[1])};
        }

        public double[] constrain(double[] u) {
            return new double[] {Math.min(1 - 1e-12, Math.max(0, u[0])), Math.max(1e-6, u[1])};
        }
    };

    /** Parameter {@code i} of (σ, κ, λ) held fixed; the other two free. */
    private static Fixed linear(int i) {
        int a = i == 0 ? 1 : 0;
        return new Fixed() {
            public double[] full(double v, double[] u) {
                double[] p = new double[3];
                p[i] = v;
                p[a] = u[0];
                p[2] = u[1];
                return p;
            }

            public double[][] jacobian(double v, double[] u) {
                double[][] j = new double[3][2];
                j[a][0] = 1;
                j[2][1] = 1;
                return j;
            }

            public double[] free(double[] p) {
                return new double[] {p[a], p[2]};
            }

            public double[] constrain(double[] u) {
                return new double[] {Math.max(0, u[0]), Math.max(1e-12, u[1])};
            }
        };
    }

    private final CurveModel model;
    private final double[] n;
    private final double[] target;
    private final double[] best;
    private final double rssMin;
    private final double cutoff;

    /**
     * @param model  the USL on the scale of the fit (see {@link ErrorModel#on})
     * @param target the observations on that scale
     * @param best   the fitted (σ, κ, λ)
     * @param rssMin the fit's residual sum of squares
     */
    Profile(CurveModel model, double[] n, double[] target, double[] best, double rssMin) {
        this.model = model;
        this.n = n;
        this.target = target;
        this.best = best;
        this.rssMin = rssMin;
        int dof = n.length - 3;
        this.cutoff = rssMin * (1 + new FDistribution(null, 1, dof).inverseCumulativeProbability(Intervals.LEVEL) / dof);
    }

    /**
     * The interval of a quantity with values in [lowest, ∞) (additive search from {@code step}), or,
     * when {@code positive}, in (0, ∞) searched by factors. {@code start} is a value where the
     * quantity's profile is at its minimum (normally the estimate; for N* = ∞, a large finite N*).
     */
    Estimate interval(Fixed q, double estimate, double start, double lowest, double step, boolean positive) {
        double[] u = q.free(best);
        double low = end(q, start, u, lowest, step, positive, -1);
        double high = end(q, start, u, lowest, step, positive, +1);
        return new Estimate(estimate, low, high);
    }

    private double end(Fixed q, double in, double[] uIn, double lowest, double step, boolean positive, int dir) {
        double rssIn = rssMin; // the profile's least RSS, at the start
        for (int j = 0; j < (positive ? FACTOR_STEPS : BRACKET_STEPS); j++) {
            double v = positive ? in * Math.exp(dir * 0.1 * Math.pow(2, j))
                    : Math.max(lowest, in + dir * step * Math.pow(2, j));
            double[] u = new double[2];
            double rss = rss(q, v, uIn, u);
            if (rss > cutoff) {
                return crossing(q, new Side(in, rssIn, uIn), new Side(v, rss, u), positive);
            }
            in = v;
            rssIn = rss;
            uIn = u;
            if (!positive && v == lowest) {
                return lowest;
            }
        }
        return dir > 0 ? Double.POSITIVE_INFINITY : (positive ? 0 : lowest);
    }

    /** A value of the quantity held fixed, the least RSS there and the free parameters of that fit. */
    private record Side(double v, double rss, double[] u) {
    }

    /**
     * Where RSS(v) crosses the cutoff between {@code in} (at or under it) and {@code out} (over
     * it), to {@link #TOLERANCE} of their distance: Brent's method, on log v for a positive
     * quantity, on the profile's √(RSS − RSS_min), which is near linear in v where RSS is near
     * quadratic (Bates &amp; Watts' profile t), so that a few interpolations find it. Each fit
     * starts from the last one found under the cutoff, which lies between the two. A failed fit
     * (RSS +∞) counts as ten times the distance to the cutoff: over it, and finite for the interpolation.
     */
    private double crossing(Fixed q, Side in, Side out, boolean positive) {
        DoubleUnaryOperator scale = positive ? Math::log : v -> v;
        double a = scale.applyAsDouble(in.v());
        double b = scale.applyAsDouble(out.v());
        double[][] warm = {in.u()};
        UnivariateFunction pastCutoff = t -> {
            double rss;
            if (t == a || t == b) { // Brent's method starts at both ends, whose RSS is known
                rss = t == a ? in.rss() : out.rss();
            } else {
                double[] u = new double[2];
                rss = rss(q, positive ? Math.exp(t) : t, warm[0], u);
                if (rss <= cutoff) {
                    warm[0] = u;
                }
            }
            double excess = Double.isFinite(rss) ? Math.max(0, rss - rssMin) : 100 * (cutoff - rssMin);
            return Math.sqrt(excess) - Math.sqrt(cutoff - rssMin);
        };
        try {
            double t = new BrentSolver(TOLERANCE * Math.abs(b - a)).solve(EVALUATIONS, pastCutoff, Math.min(a, b), Math.max(a, b));
            return positive ? Math.exp(t) : t;
        } catch (TooManyEvaluationsException e) {
            return out.v(); // never seen (at most 25 fits so far); the outer end keeps the interval wide, not narrow
        }
    }

    /** The least RSS with q held at v, from {@code start}; the free parameters found go to {@code found}. */
    private double rss(Fixed q, double v, double[] start, double[] found) {
        CurveModel reduced = new CurveModel() {
            @Override
            public double value(double[] u, double x) {
                return model.value(q.full(v, u), x);
            }

            @Override
            public void gradient(double[] u, double x, double[] out) {
                double[] g = new double[3];
                model.gradient(q.full(v, u), x, g);
                double[][] j = q.jacobian(v, u);
                for (int k = 0; k < 2; k++) {
                    out[k] = g[0] * j[0][k] + g[1] * j[1][k] + g[2] * j[2][k];
                }
            }

            /** As value and gradient, with the full parameters and their Jacobian computed once per step. */
            @Override
            public void evaluate(double[] u, double[] x, double[] values, double[][] jacobian) {
                double[] p = q.full(v, u);
                double[][] j = q.jacobian(v, u);
                double[][] g = new double[x.length][3];
                model.evaluate(p, x, values, g);
                for (int i = 0; i < x.length; i++) {
                    for (int k = 0; k < 2; k++) {
                        jacobian[i][k] = g[i][0] * j[0][k] + g[i][1] * j[1][k] + g[i][2] * j[2][k];
                    }
                }
            }

            @Override
            public double[] constrain(double[] u) {
                return q.constrain(u);
            }
        };
        try {
            NonlinearFit.Result r = NonlinearFit.fit(reduced, n, target, start);
            System.arraycopy(r.params(), 0, found, 0, 2);
            return Double.isFinite(r.rss()) ? r.rss() : Double.POSITIVE_INFINITY;
        } catch (MathIllegalStateException e) {
            System.arraycopy(start, 0, found, 0, 2);
            return Double.POSITIVE_INFINITY; // an optimiser failure counts as outside: the interval cannot grow through it
        }
    }
}
