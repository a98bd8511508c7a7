package corescale.stats.scaling;

import java.util.Arrays;

/**
 * How a curve's observations scatter around the law, which decides what a fit minimises. A scaling
 * curve's model is fixed by the shape of its data ({@link #forObservations}), never by how well a fit
 * turns out.
 */
public enum ErrorModel {
    /**
     * Relative (multiplicative) error, the shape of benchmark noise: a fork at 64 cores scatters by the
     * same percentage as one at 1 core, not by the same ops/s. The fit minimises squared differences of
     * logarithms, so every observation counts by its relative deviation.
     */
    RELATIVE,
    /**
     * Absolute error of constant size: ordinary least squares on X, as in the published USL fits
     * (Gunther's book, B. Schwartz 2015, R's {@code usl} package).
     */
    ABSOLUTE;

    /**
     * The model for a curve with observations at concurrencies {@code n}: {@link #RELATIVE} when some N
     * has two or more observations (replicates: fork means, whose noise is a percentage and which the
     * interval tests cover), {@link #ABSOLUTE} when every N has one (e.g. JMH's pooled score per thread
     * count): then nothing measures the noise's shape, and the curve is fitted as the reference
     * implementations fit such data, so that their published figures are reproduced.
     */
    public static ErrorModel forObservations(double[] n) {
        return Observations.distinct(n) < n.length ? RELATIVE : ABSOLUTE;
    }

    /** The value of the {@code error_model} column of scaling.csv: {@code relative} or {@code absolute}. */
    public String csvName() {
        return this == RELATIVE ? "relative" : "absolute";
    }

    /** An observation's deviation from the fitted value on the fit's scale: log(x/fitted) or x − fitted. */
    double residual(double x, double fitted) {
        return this == RELATIVE ? Math.log(x / fitted) : x - fitted;
    }

    /** What the fit compares: log X for relative error, X itself otherwise. */
    double[] target(double[] x) {
        return this == RELATIVE ? Arrays.stream(x).map(Math::log).toArray() : x.clone();
    }

    /** The model on the scale of {@link #target}. */
    CurveModel on(CurveModel m) {
        if (this == ABSOLUTE) {
            return m;
        }
        return new CurveModel() {
            @Override
            public double value(double[] p, double n) {
                return Math.log(m.value(p, n));
            }

            @Override
            public void gradient(double[] p, double n, double[] out) {
                m.gradient(p, n, out);
                double v = m.value(p, n);
                for (int i = 0; i < out.length; i++) {
                    out[i] /= v;
                }
            }

            /** As value and gradient, computing X once per n. */
            @Override
            public void evaluate(double[] p, double[] n, double[] values, double[][] jacobian) {
                for (int i = 0; i < n.length; i++) {
                    double v = m.value(p, n[i]);
                    values[i] = Math.log(v);
                    m.gradient(p, n[i], jacobian[i]);
                    for (int k = 0; k < jacobian[i].length; k++) {
                        jacobian[i][k] /= v;
                    }
                }
            }

            @Override
            public double[] constrain(double[] p) {
                return m.constrain(p);
            }
        };
    }
}
