package corescale.stats.scaling;

import java.util.Arrays;

/** How a curve's observations scatter around the law, which decides what a fit minimises. */
public enum ErrorModel {
    /**
     * Relative (multiplicative) error, the shape of benchmark noise: a fork at 64 cores scatters by the
     * same percentage as one at 1 core, not by the same ops/s. The fit minimises squared differences of
     * logarithms, so every observation counts by its relative deviation.
     */
    RELATIVE,
    /** Absolute error of constant size: ordinary least squares on X, as in the published USL fits. */
    ABSOLUTE;

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

            @Override
            public double[] constrain(double[] p) {
                return m.constrain(p);
            }
        };
    }
}
