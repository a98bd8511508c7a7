package corescale.stats.run;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.StatUtils;

import corescale.stats.run.RunFile.CanaryReading;

/**
 * σ², the variance of the machine's state within a run, from the canary's readings (start, middle and
 * end of a run, each the mean of its forks, minutes apart). Per kernel, the variance of the readings'
 * logs about their own run's mean, pooled over the runs given, less what their forks explain (the
 * forks' pooled variance over the forks a reading, as in a one-way analysis of variance). The kernel
 * that drifted more counts; the memory kernel only when every reading walked one chain size.
 * Two points measured minutes apart each see one state: their log ratio gains 2σ² beyond what their
 * forks show (stats/STATISTICS.md, "One run a side" and "Ratios of two points").
 */
public final class MachineDrift {

    /** Readings a run needs: one says nothing of how the machine moves. */
    public static final int MIN_READINGS = 2;

    private MachineDrift() {
    }

    /** σ² pooled over {@code runs}, each a run's readings in order; NaN when a run has fewer than {@link #MIN_READINGS}. */
    public static double stateVariance(List<List<CanaryReading>> runs) {
        if (runs.isEmpty() || runs.stream().anyMatch(r -> r.size() < MIN_READINGS)) {
            return Double.NaN;
        }
        double drift = kernel(runs, CanaryReading::cpuOpsPerUs, CanaryReading::cpuForks);
        double memory = Canary.sameChain(runs, List.of()) ? kernel(runs, CanaryReading::memoryNsPerLoad,
                CanaryReading::memoryForks) : Double.NaN;
        if (Double.isFinite(memory)) {
            drift = Double.isFinite(drift) ? Math.max(drift, memory) : memory;
        }
        return drift;
    }

    /**
     * σ² of one kernel: the variance of the readings' log means about their run's mean, pooled over the
     * runs, less the forks' pooled variance over the forks a reading, at least 0; without forks (older
     * run.json) the readings' variance alone. Every reading is above 0 ({@link CanaryReading} refuses others).
     */
    private static double kernel(List<List<CanaryReading>> runs, ToDoubleFunction<CanaryReading> mean,
                                 Function<CanaryReading, List<Double>> forks) {
        double readingSquares = 0;
        int readingDf = 0;
        double forkSquares = 0;
        int forkDf = 0;
        int forkCount = 0;
        int withForks = 0;
        for (List<CanaryReading> run : runs) {
            double[] logs = run.stream().mapToDouble(r -> Math.log(mean.applyAsDouble(r))).toArray();
            readingSquares += StatUtils.variance(logs) * (logs.length - 1);
            readingDf += logs.length - 1;
            for (CanaryReading r : run) {
                double[] f = forks.apply(r).stream().mapToDouble(Math::log).toArray();
                if (f.length >= 2) {
                    forkSquares += StatUtils.variance(f) * (f.length - 1);
                    forkDf += f.length - 1;
                    forkCount += f.length;
                    withForks++;
                }
            }
        }
        double withinReading = forkDf == 0 ? 0 : forkSquares / forkDf / ((double) forkCount / withForks);
        return Math.max(0, readingSquares / readingDf - withinReading);
    }
}
