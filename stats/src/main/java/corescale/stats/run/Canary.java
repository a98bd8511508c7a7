package corescale.stats.run;

import corescale.stats.run.RunFile.CanaryReading;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.StatUtils;

import corescale.stats.summary.Intervals;

/**
 * What canary readings say about the machine itself: its speed on the canary's CPU kernel and on its
 * memory-latency kernel as ratios, above 1 faster (CPU: throughput ratio; memory: inverse ratio of
 * the times per load). It tells how much the machine moved, not why, and nothing about a benchmark
 * that stresses what the kernels do not (contention, the scheduler, I/O).
 *
 * @param cpu    speed ratio on the CPU kernel, NaN when unknown
 * @param memory speed ratio on the memory kernel, NaN when unknown
 */
public record Canary(double cpu, double memory) {

    public static final Canary NONE = new Canary(Double.NaN, Double.NaN);

    /**
     * The other side's machine speed over the base side's: each run's readings averaged, then the
     * runs of a side averaged (each run counts once). {@link #NONE} when a side has no readings; the
     * memory ratio NaN when the readings walked chains of different sizes ({@link #sameChain}).
     */
    public static Canary between(List<List<CanaryReading>> base, List<List<CanaryReading>> other) {
        double memory = sameChain(base, other)
                ? sideMean(base, CanaryReading::memoryNsPerLoad) / sideMean(other, CanaryReading::memoryNsPerLoad)
                : Double.NaN;
        return new Canary(sideMean(other, CanaryReading::cpuOpsPerUs) / sideMean(base, CanaryReading::cpuOpsPerUs), memory);
    }

    /**
     * Whether every reading of both sides walked one chain size. The chain is twice the largest
     * cache: where the caches differ (or a run predates that rule) a larger cache is walked by a
     * larger chain, and the times per load of chains of different sizes measure different things
     * (a 64 MiB chain stays in a 300 MiB L3; a 1 GiB one goes to memory).
     */
    public static boolean sameChain(List<List<CanaryReading>> base, List<List<CanaryReading>> other) {
        return java.util.stream.Stream.concat(base.stream(), other.stream()).flatMap(List::stream)
                .mapToLong(CanaryReading::memoryChainBytes).distinct().count() <= 1;
    }

    /** Speed at the last reading over the first, in the order taken; {@link #NONE} below 2 readings. */
    public static Canary drift(List<CanaryReading> readings) {
        if (readings.size() < 2) {
            return NONE;
        }
        List<List<CanaryReading>> first = List.of(List.of(readings.get(0)));
        List<List<CanaryReading>> last = List.of(List.of(readings.get(readings.size() - 1)));
        return between(first, last);
    }

    /**
     * The drift ({@link #drift}) of each kernel that moved: beyond 1 ± {@code threshold} and beyond
     * what two readings of a steady machine differ by; NaN for a kernel that did not. A fork of the
     * canary is a JVM of its own, with its own memory placement: on a 2-vCPU cloud VM ten forks in a
     * row spread by 1.8% (cpu) and 4.5% (memory), so single readings 5% apart are common on the memory
     * kernel. The noise is taken from the readings themselves: the spread of each reading's forks
     * (on logs, pooled over readings) gives the 95% Student t interval of the difference between the
     * last reading's mean and the first's. Readings without their forks' scores (older run.json
     * files) are judged by the threshold alone.
     */
    public static Canary moved(List<CanaryReading> readings, double threshold) {
        Canary drift = drift(readings);
        if (!drift.known()) {
            return NONE;
        }
        double cpu = Math.abs(drift.cpu - 1) > threshold && beyondNoise(readings, CanaryReading::cpuForks) ? drift.cpu : Double.NaN;
        double memory = Math.abs(drift.memory - 1) > threshold && beyondNoise(readings, CanaryReading::memoryForks)
                ? drift.memory : Double.NaN;
        return new Canary(cpu, memory);
    }

    /**
     * Whether the last reading's mean log score differs from the first's by more than the 95% t
     * interval from the readings' pooled fork-to-fork variance; true when the forks are unknown.
     */
    private static boolean beyondNoise(List<CanaryReading> readings, Function<CanaryReading, List<Double>> forks) {
        double squares = 0;
        int df = 0;
        for (CanaryReading r : readings) {
            double[] logs = logs(forks.apply(r));
            if (logs.length >= 2) {
                squares += StatUtils.variance(logs) * (logs.length - 1);
                df += logs.length - 1;
            }
        }
        double[] first = logs(forks.apply(readings.get(0)));
        double[] last = logs(forks.apply(readings.get(readings.size() - 1)));
        if (df == 0 || first.length == 0 || last.length == 0) {
            return true;
        }
        double se = Math.sqrt(squares / df * (1.0 / first.length + 1.0 / last.length));
        return Math.abs(StatUtils.mean(last) - StatUtils.mean(first)) > Intervals.tQuantile(Intervals.LEVEL, df) * se;
    }

    private static double[] logs(List<Double> scores) {
        return scores.stream().mapToDouble(Math::log).toArray(); // every score is above 0 (CanaryReading)
    }

    /** Whether anything is known. */
    public boolean known() {
        return Double.isFinite(cpu) || Double.isFinite(memory);
    }

    /** Whether either kernel's ratio lies beyond 1 ± threshold. */
    public boolean beyond(double threshold) {
        return Math.abs(cpu - 1) > threshold || Math.abs(memory - 1) > threshold;
    }

    /**
     * Mean over runs of each run's mean reading (a run without readings counts for nothing); every
     * reading is above 0, as {@link CanaryReading} refuses any other.
     */
    private static double sideMean(List<List<CanaryReading>> runs, ToDoubleFunction<CanaryReading> value) {
        return runs.stream()
                .mapToDouble(r -> r.stream().mapToDouble(value).average().orElse(Double.NaN))
                .filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
