package corescale.stats.scaling;

import corescale.stats.summary.Intervals;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Unweighted nonlinear least squares of a {@link CurveModel} by commons-math3's
 * Levenberg–Marquardt, with Wald standard errors: the covariance (JᵀJ)⁻¹ that the optimiser
 * returns is unscaled, so it is multiplied by the residual variance RSS/(n−p), as R's
 * {@code nls} does. Package-private: the USL and Amdahl fitters are the public faces.
 */
final class NonlinearFit {

    /** Rank threshold for the QR inversion of JᵀJ; below it we report no standard errors. */
    private static final double SINGULARITY_THRESHOLD = 1e-14;
    private static final int MAX_EVALUATIONS = 10_000;

    private NonlinearFit() {
    }

    /**
     * The optimum and what inference needs.
     *
     * @param params    fitted parameters
     * @param stdErrors standard errors, NaN each when JᵀJ was singular
     * @param rss       residual sum of squares
     * @param tss       total sum of squares about the mean of y
     * @param dof       residual degrees of freedom n − p
     */
    record Result(double[] params, double[] stdErrors, double rss, double tss, int dof) {

        double rSquared() {
            return tss > 0 ? 1 - rss / tss : Double.NaN;
        }

        /** Half-width of the two-sided 95% Student-t interval of parameter {@code i}. */
        double halfWidth95(int i) {
            if (dof < 1 || !Double.isFinite(stdErrors[i])) {
                return Double.NaN;
            }
            return Intervals.tQuantile(Intervals.LEVEL, dof) * stdErrors[i];
        }
    }

    /**
     * Fits {@code model} to (n, y) from {@code start}.
     *
     * @throws MathIllegalStateException when the optimiser gives up (too many evaluations, or no
     *                                   progress possible)
     */
    static Result fit(CurveModel model, double[] n, double[] y, double[] start) {
        int p = start.length;
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .model(point -> valueAndJacobian(model, n, point))
                .target(y)
                .parameterValidator(point -> new ArrayRealVector(model.constrain(point.toArray()), false))
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_EVALUATIONS)
                .build();
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);

        double[] params = optimum.getPoint().toArray();
        RealVector residuals = optimum.getResiduals();
        double rss = residuals.dotProduct(residuals);
        int dof = n.length - p;

        double[] stdErrors = new double[p];
        try {
            RealMatrix cov = optimum.getCovariances(SINGULARITY_THRESHOLD);
            double residualVariance = dof > 0 ? rss / dof : Double.NaN;
            for (int i = 0; i < p; i++) {
                stdErrors[i] = Math.sqrt(cov.getEntry(i, i) * residualVariance);
            }
        } catch (SingularMatrixException e) {
            java.util.Arrays.fill(stdErrors, Double.NaN);
        }
        return new Result(params, stdErrors, rss, totalSumOfSquares(y), dof);
    }

    private static Pair<RealVector, RealMatrix> valueAndJacobian(CurveModel model, double[] n, RealVector point) {
        double[] p = point.toArray();
        double[] values = new double[n.length];
        double[][] jacobian = new double[n.length][p.length];
        model.evaluate(p, n, values, jacobian);
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }

    private static double totalSumOfSquares(double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double tss = 0;
        for (double v : y) {
            tss += (v - mean) * (v - mean);
        }
        return tss;
    }
}
