package corescale.stats.scaling;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each quantity a profile interval holds fixed maps two free parameters to the USL's (σ, κ, λ); its
 * Jacobian, which the optimiser steps by, is checked against central differences of that map. A
 * wrong Jacobian can still converge, to a worse optimum or more slowly, so the intervals' own tests
 * need not notice it.
 */
class ProfileJacobianTest {

    private static final Map<String, Profile.Fixed> FIXED = Map.of("sigma", Profile.SIGMA, "kappa", Profile.KAPPA,
            "N*", Profile.N_STAR, "X(N*)", Profile.PEAK_THROUGHPUT);

    @Test
    void everyJacobianIsTheDerivativeOfItsMap() {
        double[][] at = {{0.3, 0.05, 120}, {12, 0.2, 30}, {450, 0.01, 55}};
        FIXED.forEach((name, q) -> {
            for (double[] point : at) {
                double v = point[0];
                double[] u = {point[1], point[2]};
                double[][] j = q.jacobian(v, u);
                for (int k = 0; k < 2; k++) {
                    double h = 1e-6 * Math.max(1, Math.abs(u[k]));
                    double[] up = u.clone();
                    double[] down = u.clone();
                    up[k] += h;
                    down[k] -= h;
                    double[] fUp = q.full(v, up);
                    double[] fDown = q.full(v, down);
                    for (int row = 0; row < 3; row++) {
                        double numeric = (fUp[row] - fDown[row]) / (2 * h);
                        assertEquals(numeric, j[row][k], 1e-6 * Math.max(1, Math.abs(numeric)),
                                name + ": d full[" + row + "] / d u[" + k + "] at v " + v);
                    }
                }
            }
        });
    }
}
