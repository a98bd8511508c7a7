package corescale.sweep;

import corescale.stats.run.PointsFile.Stop;
import corescale.stats.io.TextNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.StatUtils;

import corescale.stats.run.RunFile.RunConfig;
import corescale.stats.summary.ForkSample;
import corescale.stats.summary.Interval;
import corescale.stats.summary.Intervals;
import corescale.stats.summary.Modes;
import corescale.stats.summary.WelchOnLogs;

/**
 * A point's forks so far, per configuration, and what they say: fork means without the warm-up the
 * forks share (as the report computes them), the interval's relative half-width, modes. It also
 * keeps the time the point has taken over all its batches and, once decided, why it stopped.
 */
final class PointForks {

    private final Point point;
    private final Map<RunConfig, List<ForkResult>> forks = new LinkedHashMap<>();
    /** Each configuration's fork means and kept iterations, computed once per batch. */
    private final Map<RunConfig, ForkSample> samples = new LinkedHashMap<>();
    private final List<ForkResult> unwritten = new ArrayList<>();
    private double seconds;
    private Stop stop;

    PointForks(Point point, List<RunConfig> configs) {
        this.point = point;
        configs.forEach(c -> forks.put(c, new ArrayList<>()));
    }

    Point point() {
        return point;
    }

    List<RunConfig> configs() {
        return List.copyOf(forks.keySet());
    }

    List<ForkResult> forks(RunConfig config) {
        return List.copyOf(forks.get(config));
    }

    void add(RunConfig config, List<ForkResult> more) {
        forks.get(config).addAll(more);
        unwritten.addAll(more);
        samples.put(config, ForkSample.of(forks.get(config).stream().map(ForkResult::scores).toArray(double[][]::new)));
    }

    /** The forks added since the last call, in the order measured: what results.csv does not have yet. */
    List<ForkResult> unwritten() {
        List<ForkResult> out = List.copyOf(unwritten);
        unwritten.clear();
        return out;
    }

    void addSeconds(double more) {
        seconds += more;
    }

    /** Wall time the point's batches took, JVM starts included. */
    double seconds() {
        return seconds;
    }

    /** Forks per configuration (they are measured in rounds, so all have as many). */
    int rounds() {
        return forks.values().iterator().next().size();
    }

    /** Why the point stopped, or null while it may get more forks. */
    Stop stop() {
        return stop;
    }

    void stop(Stop why) {
        stop = why;
    }

    boolean open() {
        return stop == null;
    }

    /** The configuration's fork means without the shared warm-up (the forks must have been measured). */
    ForkSample sample(RunConfig config) {
        return samples.get(config);
    }

    /** Half-width of the Student t 95% CI of the mean of fork means, over that mean; NaN below {@value WelchOnLogs#MIN_FORKS} forks. */
    double relCi(RunConfig config) {
        double[] forkMeans = sample(config).means();
        if (forkMeans.length < WelchOnLogs.MIN_FORKS) {
            return Double.NaN;
        }
        Interval ci = Intervals.studentT(forkMeans, Intervals.LEVEL);
        double mean = (ci.high() + ci.low()) / 2;
        return (ci.high() - ci.low()) / 2 / Math.abs(mean);
    }

    /** Seconds inside measured iterations the report keeps (the shared warm-up excluded). */
    double measureSeconds(RunConfig config) {
        ForkSample sample = sample(config);
        double total = 0;
        List<ForkResult> f = forks.get(config);
        for (int i = 0; i < f.size(); i++) {
            int all = f.get(i).scores().length;
            total += all == 0 ? 0 : f.get(i).measureSeconds() * sample.kept()[i].length / all;
        }
        return total;
    }

    /**
     * True when some configuration's fork means fall into two modes, each seen in at least two
     * forks: one fork apart from the rest may be an outlier, two make a mode more forks would only
     * sample, not average away.
     */
    boolean bimodal() {
        return forks.keySet().stream().anyMatch(c -> Modes.groups(sample(c).means()).length == 2);
    }

    /** True when some configuration has one fork mean apart from the rest: a mode seen once, or an outlier. */
    boolean modeSeenOnce() {
        return forks.keySet().stream().anyMatch(c -> Modes.loneFork(sample(c).means()));
    }

    /** The two groups of fork means, e.g. "2 modes: 61.2 (3 forks), 92.4 (2 forks)"; empty without modes. */
    String modes(RunConfig config) {
        double[][] groups = Modes.groups(sample(config).means());
        if (groups.length != 2) {
            return "";
        }
        return "2 modes: " + TextNumbers.ungrouped(StatUtils.mean(groups[0]), 4) + " (" + forkCount(groups[0]) + "), "
                + TextNumbers.ungrouped(StatUtils.mean(groups[1]), 4) + " (" + forkCount(groups[1]) + ")";
    }

    private static String forkCount(double[] group) {
        return group.length + (group.length == 1 ? " fork" : " forks");
    }
}
