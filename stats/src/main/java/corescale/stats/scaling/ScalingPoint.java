package corescale.stats.scaling;

import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;

/**
 * One point of a scaling curve, with the model-free measures of how well it scales.
 *
 * <p>Speedup is relative to the curve's baseline, the smallest N measured (N₀, normally 1). When
 * N₀ &gt; 1 every measure is relative: speedup X(N)/X(N₀), relative scale p = N/N₀, efficiency
 * speedup/p, and the Karp–Flatt fraction uses p in place of N. {@link ScalingCurve#baselineN()}
 * says which N₀ was used. Over threads at a fixed core count, p is the processors the threads can
 * occupy, min(N, cores)/min(N₀, cores): threads beyond the cores add none, so 2 threads on 1 core have
 * a speedup but neither efficiency nor Karp–Flatt fraction, which are per processor added.
 *
 * @param n          concurrency (cores or threads)
 * @param throughput throughput in the curve's unit (converted from time per operation where needed)
 * @param low        lower end of the throughput's 95% interval, NaN when unknown
 * @param high       upper end of that interval
 * @param speedup    X(N)/X(N₀)
 * @param speedupLow lower end of the speedup's 95% interval ({@link Throughput#ratio} of this point over
 *                   the baseline's), NaN when unknown (one fork, several baseline points, the baseline itself)
 * @param speedupHigh upper end of that interval
 * @param efficiency speedup / p; 1 is perfect scaling; NaN where no processor was added (threads beyond the cores)
 * @param karpFlatt  experimentally determined serial fraction e = (1/S − 1/p)/(1 − 1/p); NaN where
 *                   p = 1 (the baseline, threads beyond the cores), where it is undefined
 * @param unstable   the summary found two modes among the point's fork means
 */
public record ScalingPoint(double n, double throughput, double low, double high, double speedup,
                           double speedupLow, double speedupHigh, double efficiency, double karpFlatt,
                           boolean unstable) {

    /**
     * A point's measures from its throughput and the baseline's, with the speedup's interval taken from
     * {@code speedupInterval} (the ratio of this point over the baseline as {@link Throughput#ratio} gives
     * it; {@link Ratio#NONE} for none), on {@code p} times the baseline's processors (over threads: those the threads can
     * occupy); {@code p} NaN for a point on no more processors than the baseline, which has no
     * efficiency or Karp–Flatt fraction.
     */
    public static ScalingPoint atScale(double n, double throughput, double low, double high,
                                       double p, double baselineThroughput, Ratio speedupInterval, boolean unstable) {
        double speedup = throughput / baselineThroughput;
        return new ScalingPoint(n, throughput, low, high, speedup, speedupInterval.low(), speedupInterval.high(),
                speedup / p, karpFlatt(speedup, p), unstable);
    }

    /**
     * Karp–Flatt metric e = (1/S − 1/p)/(1 − 1/p) for speedup S on p units: equal to Amdahl's
     * serial fraction when the data follow Amdahl exactly. NaN for p = 1, where it is 0/0.
     */
    public static double karpFlatt(double speedup, double p) {
        if (p == 1) {
            return Double.NaN;
        }
        return (1 / speedup - 1 / p) / (1 - 1 / p);
    }
}
