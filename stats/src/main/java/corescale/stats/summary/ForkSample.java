package corescale.stats.summary;

import java.util.Arrays;

import org.apache.commons.math3.stat.StatUtils;

/**
 * A point's measured iterations, fork by fork, without the warm-up the forks share ({@link Warmup}),
 * and the fork means that are the point's replicates. The report's summaries and the sweep's
 * precision loop both take their fork means from here, so both see the same numbers.
 *
 * @param warmup leading iterations dropped from every fork; -1 when not tested (fewer than
 *               {@value Warmup#MIN_FORKS} forks, or a score that is not a finite positive number),
 *               and then none is dropped
 * @param kept   each fork's iterations after the warm-up
 * @param means  each fork's mean over its kept iterations
 */
public record ForkSample(int warmup, double[][] kept, double[] means) {

    /** @param iterations each fork's measured iterations, in order; forks may differ in length */
    public static ForkSample of(double[][] iterations) {
        int warmup = Warmup.leadingIterations(iterations);
        double[][] kept = Warmup.without(iterations, warmup);
        return new ForkSample(warmup, kept, Arrays.stream(kept).mapToDouble(StatUtils::mean).toArray());
    }

    public int forks() {
        return means.length;
    }

    /** The mean of the fork means. */
    public double mean() {
        return StatUtils.mean(means);
    }

    /** Iterations kept, over all forks. */
    public int keptIterations() {
        return Arrays.stream(kept).mapToInt(f -> f.length).sum();
    }
}
