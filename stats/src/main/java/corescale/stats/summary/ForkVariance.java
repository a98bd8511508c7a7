package corescale.stats.summary;

/**
 * How a point's variance splits between forks and within them: the one-way random-effects model
 * {@code y_fi = mu + b_f + e_fi}, with {@code between} the variance of the forks' own true means
 * ({@code b_f}: the JVM settling into a mode, code layout, memory placement) and {@code within} the
 * variance of one iteration around its fork's mean ({@code e_fi}).
 *
 * <p>Estimated by the ANOVA method for unequal group sizes: {@code within = MSW};
 * {@code between = max(0, (MSB - MSW) / n0)} with {@code n0 = (N - sum n_f^2 / N) / (k - 1)}
 * (Searle, Casella and McCulloch, Variance Components, 1992, ch. 3, the one-way classification). Iterations of a fork are
 * somewhat correlated in time, which the model ignores: {@code within} is then a little low and
 * {@code between} a little high, which errs towards adding forks.
 *
 * @param between variance of the true fork means (0 when the forks agree no more than their
 *                iterations predict)
 * @param within  variance of one iteration around its fork's mean
 */
public record ForkVariance(double between, double within) {

    public ForkVariance {
        if (!(between >= 0) || !(within >= 0)) {
            throw new IllegalArgumentException("variances must be >= 0: between " + between + ", within " + within);
        }
    }

    /**
     * @param forks each fork's iterations (warm-up already dropped); at least two forks and at
     *              least one fork with two iterations
     */
    public static ForkVariance of(double[][] forks) {
        int k = forks.length;
        int total = 0;
        long squaresOfSizes = 0;
        double sum = 0;
        for (double[] f : forks) {
            total += f.length;
            squaresOfSizes += (long) f.length * f.length;
            for (double x : f) {
                sum += x;
            }
        }
        if (k < 2 || total <= k) {
            throw new IllegalArgumentException("needs two forks and more iterations than forks: " + k + " forks, " + total + " iterations");
        }
        double grand = sum / total;
        double betweenSquares = 0;
        double withinSquares = 0;
        for (double[] f : forks) {
            if (f.length == 0) {
                throw new IllegalArgumentException("a fork without iterations");
            }
            double mean = 0;
            for (double x : f) {
                mean += x;
            }
            mean /= f.length;
            betweenSquares += f.length * (mean - grand) * (mean - grand);
            for (double x : f) {
                withinSquares += (x - mean) * (x - mean);
            }
        }
        double msb = betweenSquares / (k - 1);
        double msw = withinSquares / (total - k);
        double n0 = (total - (double) squaresOfSizes / total) / (k - 1);
        return new ForkVariance(Math.max(0, (msb - msw) / n0), msw);
    }

    /** Variance of the mean of one fork of {@code iterations} iterations. */
    public double forkMeanVariance(int iterations) {
        return between + within / iterations;
    }
}
