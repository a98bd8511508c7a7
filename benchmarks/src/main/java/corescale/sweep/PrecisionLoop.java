package corescale.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.apache.commons.math3.stat.StatUtils;

import corescale.stats.run.RunFile.RunConfig;
import corescale.stats.summary.Interval;
import corescale.stats.summary.Intervals;

/**
 * Adds forks to one point until the 95% confidence interval of the mean of fork means is within
 * the profile's precision target of that mean, or the fork cap, or the point's time cap, and says
 * which of the three stopped it. Forks, not iterations, are the replicates: contended benchmarks
 * often settle in a different mode in each JVM.
 *
 * <p>It works in rounds: a round is one fork of each configuration, in their order (A1 B1, A2 B2
 * ...), so that fork f of every configuration is measured next to the others' fork f and a pairing
 * by fork number pairs forks close in time. The fork counts and the target apply per configuration:
 * the point stops when every configuration meets the target, or at a cap; fixed forks are rounds.
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

    /** Runs fork number {@code fork} (1-based) of the point in configuration {@code config}. */
    @FunctionalInterface
    public interface ForkSource {
        ForkResult run(RunConfig config, int fork) throws PointFailedException;
    }

    /** One configuration's forks of the point and the relative CI half-width they reached (NaN below 2 forks). */
    public record ConfigForks(RunConfig config, List<ForkResult> forks, double relCi) {
        public ConfigForks {
            forks = List.copyOf(forks);
        }

        /** The mean of the fork means. */
        public double mean() {
            return forks.stream().mapToDouble(ForkResult::mean).average().orElse(Double.NaN);
        }

        /** What else took the forks' CPUs, over all the forks. */
        public ForkResult.Load load() {
            return forks.stream().map(ForkResult::load).reduce(ForkResult.Load.NONE, ForkResult.Load::plus);
        }
    }

    /** Each configuration's forks, in the configurations' order, and why the loop stopped. */
    public record Outcome(List<ConfigForks> configs, Stop stop) {
        public Outcome {
            configs = List.copyOf(configs);
        }

        /** Rounds measured: forks per configuration. */
        public int rounds() {
            return configs.get(0).forks().size();
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

    /** Measures the point in each of {@code configs} (at least one), round after round. */
    public Outcome measure(List<RunConfig> configs, ForkSource source) throws PointFailedException {
        long start = nanoClock.getAsLong();
        Map<RunConfig, List<ForkResult>> forks = new LinkedHashMap<>();
        configs.forEach(c -> forks.put(c, new ArrayList<>()));
        for (int round = 1; ; round++) {
            for (RunConfig config : configs) {
                forks.get(config).add(source.run(config, round));
            }
            Stop stop = stop(round, forks, nanoClock.getAsLong() - start);
            if (stop != null) {
                List<ConfigForks> result = new ArrayList<>();
                forks.forEach((config, f) -> result.add(new ConfigForks(config, f, relativeHalfWidth(f))));
                return new Outcome(result, stop);
            }
        }
    }

    /** Why to stop after {@code n} rounds that took {@code elapsed} ns, or null to measure another round. */
    private Stop stop(int n, Map<RunConfig, List<ForkResult>> forks, long elapsed) {
        if (profile.fixedForks()) {
            return n >= profile.maxForks() ? Stop.FIXED_FORKS : null;
        }
        if (n >= profile.minForks() && forks.values().stream().allMatch(f -> relativeHalfWidth(f) <= profile.precision())) {
            return Stop.TARGET_MET;
        }
        if (n >= profile.maxForks()) {
            return Stop.MAX_FORKS;
        }
        // Past the minimum, stop before a round that would, at the pace so far, end past the cap.
        long perRound = elapsed / n;
        if (n >= profile.minForks() && elapsed + perRound > timeCap.toNanos()) {
            return Stop.TIME_CAP;
        }
        return null;
    }

    /** Half-width of the Student t 95% CI of the mean of fork means, over that mean. */
    static double relativeHalfWidth(List<ForkResult> forks) {
        double[] means = forks.stream().mapToDouble(ForkResult::mean).toArray();
        Interval ci = Intervals.studentT(means, 0.95);
        return (ci.high() - ci.low()) / 2 / Math.abs(StatUtils.mean(means));
    }
}
