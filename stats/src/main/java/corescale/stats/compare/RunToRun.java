package corescale.stats.compare;

import corescale.stats.run.MachineDrift;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.summary.Intervals;
import corescale.stats.summary.WelchOnLogs;


import java.util.List;

/**
 * One run a side: how far a point strays between two runs beyond what its forks show, taken from the
 * canary. The forks of a point run within seconds of each other and share the machine's state; two runs
 * are minutes or days apart and the machine drifts between them, so Welch's t on fork means alone calls
 * two runs of the same code different far more often than its level says (three A/A pairs of default
 * runs on the 2-vCPU VM: 23-27 of 106 points at p &lt; 0.05 where 5 are expected, 1-3 called per pair;
 * stats/STATISTICS.md, "One run a side").
 *
 * <p>The canary readings of the two runs, pooled, estimate σ², the variance of the machine's state within
 * a run ({@link MachineDrift}); a point's two runs each see one state, so its log ratio gains τ² = 2σ²,
 * added to its se² ({@link WelchOnLogs#widened}). A shift between the runs' levels is not in it: the machines may differ
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
    public static final int MIN_READINGS = MachineDrift.MIN_READINGS;

    public RunToRun {
        if (!(variance >= 0) || readings < 0) {
            throw new IllegalArgumentException("variance must be >= 0 and readings >= 0, were " + variance + ", " + readings);
        }
    }

    /** The drift of the two runs' canary readings, as above; {@link #NONE} with fewer than 2 readings a side. */
    public static RunToRun fromCanary(List<CanaryReading> base, List<CanaryReading> other) {
        double drift = MachineDrift.stateVariance(List.of(base, other));
        return Double.isFinite(drift) ? new RunToRun(2 * drift, base.size() + other.size()) : NONE;
    }

    /** Whether an estimate was made. */
    public boolean estimated() {
        return readings > 0;
    }

    /** Whether the machine drifted between the runs: then no number of forks tells a change within {@link #floor()}. */
    public boolean drifted() {
        return variance > 0;
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
        return Math.expm1(Intervals.zQuantile(Intervals.LEVEL) * Math.sqrt(variance));
    }

    /** The test with τ² added to its se². */
    WelchOnLogs widened(WelchOnLogs test) {
        return test.widened(variance);
    }
}
