package corescale.stats.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A fit asks a model for all its values and gradients at once ({@link CurveModel#evaluate}); a model
 * that does shared work once per step there must give exactly the numbers of value and gradient.
 */
class CurveModelEvaluateTest {

    private static final double[] N = {1, 1, 2, 2, 4, 4, 8, 8, 16, 16, 32, 64};

    @Test
    void theUslEvaluatesAsItsValueAndGradientUnderEitherErrorModel() {
        for (ErrorModel errors : ErrorModel.values()) {
            for (double[] p : new double[][] {{0.05, 0.0002, 1.3}, {0, 0, 0.7}, {0.9, 0.01, 2e6}}) {
                assertSameAsOneByOne(errors.on(UslFitter.USL), p);
            }
        }
    }

    @Test
    void amdahlsLawEvaluatesAsItsValueAndGradientUnderEitherErrorModel() {
        for (ErrorModel errors : ErrorModel.values()) {
            for (double[] p : new double[][] {{0.05, 1.3}, {0, 0.7}, {0.9, 2e6}}) {
                assertSameAsOneByOne(errors.on(AmdahlFitter.AMDAHL), p);
            }
        }
    }

    private static void assertSameAsOneByOne(CurveModel m, double[] p) {
        double[] values = new double[N.length];
        double[][] jacobian = new double[N.length][p.length];
        m.evaluate(p, N, values, jacobian);
        for (int i = 0; i < N.length; i++) {
            double[] g = new double[p.length];
            m.gradient(p, N[i], g);
            assertEquals(m.value(p, N[i]), values[i], 0.0, "value at N=" + N[i]);
            assertArrayEquals(g, jacobian[i], 0.0, "gradient at N=" + N[i]);
        }
    }
}
