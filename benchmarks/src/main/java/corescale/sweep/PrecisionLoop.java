package corescale.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.apache.commons.math3.stat.StatUtils;

import corescale.stats.summary.Interval;
import corescale.stats.summary.Intervals;

/**
 * Adds forks to one point until the 95% confidence interval of the mean of fork means is within
 * the profile's precision target of that mean, or the fork cap, or the point's time cap, and says
 * which of the three stopped it. Forks, not iterations, are the replicates: contended benchmarks
 * often settle in a different mode in each JVM.
 */
public final class PrecisionLoop {

    /** Why a point stopped adding forks; written to points.csv. */
    public enum Stop {
        TARGET_MET("target_met"), MAX_FORKS("max_forks"), TIME_CAP("time_cap"), FIXED_FORKS("fixed_forks");

        public final String label;

        Stop(String label) {
            this.label = label;
        }
    }

    /** Runs fork number {@code fork} (1-based) of the point. */
    @FunctionalInterface
    public interface ForkSource {
        ForkResult run(int fork) throws PointFailedException;
    }

    /** Forks measured, why the loop stopped, and the relative CI half-width reached (NaN below 2 forks). */
    public record Outcome(List<ForkResult> forks, Stop stop, double relCi) {
        public Outcome {
            forks = List.copyOf(forks);
        }
    }

    private final Profile profile;
    private final Duration timeCap;
    private final LongSupplier nanoClock;

    /** @param timeCap time this point may take; the minimum forks are run whatever it says */
    public PrecisionLoop(Profile profile, Duration timeCap, LongSupplier nanoClock) {
        this.profile = profile;
        this.timeCap = timeCap;
        this.nanoClock = nanoClock;
    }

    public Outcome measure(ForkSource source) throws PointFailedException {
        long start = nanoClock.getAsLong();
        List<ForkResult> forks = new ArrayList<>();
        while (true) {
            forks.add(source.run(forks.size() + 1));
            double relCi = relativeHalfWidth(forks);
            int n = forks.size();
            if (profile.fixedForks()) {
                if (n >= profile.maxForks()) {
                    return new Outcome(forks, Stop.FIXED_FORKS, relCi);
                }
                continue;
            }
            if (n >= profile.minForks() && relCi <= profile.precision()) {
                return new Outcome(forks, Stop.TARGET_MET, relCi);
            }
            if (n >= profile.maxForks()) {
                return new Outcome(forks, Stop.MAX_FORKS, relCi);
            }
            // Past the minimum, stop before a fork that would, at the pace so far, end past the cap.
            long elapsed = nanoClock.getAsLong() - start;
            long perFork = elapsed / n;
            if (n >= profile.minForks() && elapsed + perFork > timeCap.toNanos()) {
                return new Outcome(forks, Stop.TIME_CAP, relCi);
            }
        }
    }

    /** Half-width of the Student t 95% CI of the mean of fork means, over that mean. */
    static double relativeHalfWidth(List<ForkResult> forks) {
        double[] means = forks.stream().mapToDouble(ForkResult::mean).toArray();
        Interval ci = Intervals.studentT(means, 0.95);
        return (ci.high() - ci.low()) / 2 / Math.abs(StatUtils.mean(means));
    }
}
