package corescale.stats.compare;

import corescale.stats.run.Canary;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.summary.Intervals;
import corescale.stats.summary.WelchOnLogs;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.StatUtils;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One run a side: how far a point strays between two runs beyond what its forks show, taken from the
 * canary. The forks of a point run within seconds of each other and share the machine's state; two runs
 * are minutes or days apart and the machine drifts between them, so Welch's t on fork means alone calls
 * two runs of the same code different far more often than its level says (three A/A pairs of default
 * runs on the 2-vCPU VM: 23-27 of 106 points at p &lt; 0.05 where 5 are expected, 1-3 called per pair;
 * stats/STATISTICS.md, "One run a side").
 *
 * <p>The canary readings (start, middle and end of a run, each the mean of its forks) sample the
 * machine's speed at moments minutes apart. Per kernel, the variance of their logs about their own run's
 * mean, pooled over the two runs, less what their forks explain (the forks' pooled variance over the
 * forks a reading, as in a one-way analysis of variance), estimates σ², the variance of the machine's
 * state within a run; a point's two runs each see one state, so its log ratio gains τ² = 2σ², added to
 * its se² ({@link WelchOnLogs#widened}). The kernel that drifted more counts; the memory kernel only when
 * both runs walked one chain size. A shift between the runs' levels is not in it: the machines may differ
 * (the canary's ratio says by how much, and the findings name it). With fewer than 2 readings a side
 * (JMH's files, {@code --no-canary}) nothing is known and the tests stay the forks'.
 *
 * @param variance τ² on the log scale
 * @param readings the canary readings it came from, both sides; 0 when none was estimated
 */
public record RunToRun(double variance, int readings) {

    /** No estimate: every test as its forks give it (other designs, or runs without canary readings). */
    public static final RunToRun NONE = new RunToRun(0, 0);

    /** Readings a side needs: one says nothing of how the machine moves. */
    public static final int MIN_READINGS = 2;

    public RunToRun {
        if (!(variance >= 0) || readings < 0) {
            throw new IllegalArgumentException("variance must be >= 0 and readings >= 0, were " + variance + ", " + readings);
        }
    }

    /** The drift of the two runs' canary readings, as above; {@link #NONE} with fewer than 2 readings a side. */
    public static RunToRun fromCanary(List<CanaryReading> base, List<CanaryReading> other) {
        if (base.size() < MIN_READINGS || other.size() < MIN_READINGS) {
            return NONE;
        }
        List<List<CanaryReading>> runs = List.of(base, other);
        double drift = drift(runs, CanaryReading::cpuOpsPerUs, CanaryReading::cpuForks);
        double memory = Canary.sameChain(List.of(base), List.of(other))
                ? drift(runs, CanaryReading::memoryNsPerLoad, CanaryReading::memoryForks) : Double.NaN;
        if (Double.isFinite(memory)) {
            drift = Double.isFinite(drift) ? Math.max(drift, memory) : memory;
        }
        return Double.isFinite(drift) ? new RunToRun(2 * drift, base.size() + other.size()) : NONE;
    }

    /** Whether an estimate was made. */
    public boolean estimated() {
        return readings > 0;
    }

    /** One standard deviation of a point's ratio from run to run, as a fraction: e^τ − 1. */
    public double relative() {
        return Math.expm1(Math.sqrt(variance));
    }

    /**
     * The least change a point could be called by however many forks it had: e^(z·τ) − 1, z the normal
     * quantile of the comparison's 95% level (the false-discovery control asks more); 0 without drift.
     */
    public double floor() {
        return Math.expm1(new NormalDistribution().inverseCumulativeProbability(0.5 + Intervals.LEVEL / 2) * Math.sqrt(variance));
    }

    /** The test with τ² added to its se². */
    WelchOnLogs widened(WelchOnLogs test) {
        return test.widened(variance);
    }

    /**
     * σ² of one kernel: the variance of the readings' log means about their run's mean, pooled over the
     * runs, less the forks' pooled variance over the forks a reading, at least 0; without forks (older
     * run.json) the readings' variance alone. NaN when a reading is not positive.
     */
    private static double drift(List<List<CanaryReading>> runs, ToDoubleFunction<CanaryReading> mean,
                                Function<CanaryReading, List<Double>> forks) {
        double readingSquares = 0;
        int readingDf = 0;
        double forkSquares = 0;
        int forkDf = 0;
        int forkCount = 0;
        int withForks = 0;
        for (List<CanaryReading> run : runs) {
            double[] logs = run.stream().mapToDouble(r -> Math.log(mean.applyAsDouble(r))).toArray();
            if (!Arrays.stream(logs).allMatch(Double::isFinite)) {
                return Double.NaN;
            }
            readingSquares += StatUtils.variance(logs) * (logs.length - 1);
            readingDf += logs.length - 1;
            for (CanaryReading r : run) {
                double[] f = forks.apply(r).stream().mapToDouble(Math::log).filter(Double::isFinite).toArray();
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
