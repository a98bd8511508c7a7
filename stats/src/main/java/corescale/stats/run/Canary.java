package corescale.stats.run;

import corescale.stats.run.RunFile.CanaryReading;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

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
     * runs of a side averaged (each run counts once). {@link #NONE} when a side has no readings.
     */
    public static Canary between(List<List<CanaryReading>> base, List<List<CanaryReading>> other) {
        return new Canary(sideMean(other, CanaryReading::cpuOpsPerUs) / sideMean(base, CanaryReading::cpuOpsPerUs),
                sideMean(base, CanaryReading::memoryNsPerLoad) / sideMean(other, CanaryReading::memoryNsPerLoad));
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

    /** Whether anything is known. */
    public boolean known() {
        return Double.isFinite(cpu) || Double.isFinite(memory);
    }

    /** Whether either kernel's ratio lies beyond 1 ± threshold. */
    public boolean beyond(double threshold) {
        return Math.abs(cpu - 1) > threshold || Math.abs(memory - 1) > threshold;
    }

    /** "0.64× as fast on the canary's cpu kernel, 0.9× on its memory kernel", the unknown left out. */
    public String describe() {
        String c = Double.isFinite(cpu) ? times(cpu) + " as fast on the canary's cpu kernel" : "";
        String m = Double.isFinite(memory) ? times(memory) + (c.isEmpty() ? " as fast on the canary's" : " on its")
                + " memory kernel" : "";
        return c.isEmpty() ? m : m.isEmpty() ? c : c + ", " + m;
    }

    private static String times(double x) {
        return String.format(Locale.ROOT, "%.2f×", x);
    }

    /** Mean over runs of each run's mean reading; readings not positive and finite are left out. */
    private static double sideMean(List<List<CanaryReading>> runs, ToDoubleFunction<CanaryReading> value) {
        return runs.stream()
                .mapToDouble(r -> r.stream().mapToDouble(value).filter(v -> v > 0 && Double.isFinite(v)).average()
                        .orElse(Double.NaN))
                .filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
