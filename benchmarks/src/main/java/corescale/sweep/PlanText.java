package corescale.sweep;

import corescale.stats.io.TextNumbers;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import corescale.stats.run.RunFile.RunConfig;
import corescale.topology.Placement;

/** The plan as {@code run} prints it before measuring (and {@code run --dry-run} instead of measuring), and its time. */
final class PlanText {

    private final Profile profile;
    private final List<Point> plan;
    private final List<RunConfig> configs;
    private final CoresRestriction cores;
    private final Path runDir;
    /** The canary's readings the run will take: all, or none with {@code --no-canary}. */
    private final int canaryReadings;

    PlanText(Profile profile, List<Point> plan, List<RunConfig> configs, CoresRestriction cores, Path runDir, boolean canary) {
        this.canaryReadings = canary ? CanaryRecorder.READINGS : 0;
        this.profile = profile;
        this.plan = plan;
        this.configs = configs;
        this.cores = cores;
        this.runDir = runDir;
    }

    /** How many forks a point gets, and when it stops. */
    private String forks(String per, int targetForks, int iterations) {
        if (profile.fixedForks()) {
            return profile.maxForks() + " fork(s) " + per;
        }
        if (!profile.pursuesTarget()) { // the quick profile, or --max-forks at most the first pass
            return String.format(Locale.ROOT, "%d forks %s of %d iterations each", profile.maxForks(), per, iterations);
        }
        return String.format(Locale.ROOT, "forks %d to %d %s until ±%s, checked from %d forks (first %d of %d "
                + "iterations each, then more where they reach it soonest)", profile.minForks(), profile.maxForks(), per,
                TextNumbers.percent(profile.precision()), targetForks, profile.minForks(), iterations);
    }

    /** Prints the plan of the points {@code todo} ({@code alreadyDone} more are in results.csv already). */
    void print(PrintStream out, List<Point> todo, int alreadyDone) {
        double budget = profile.budget().isZero() ? Double.POSITIVE_INFINITY
                : profile.budget().minus(CanaryRecorder.TIME.multipliedBy(canaryReadings)).toNanos() / 1e9;
        PrecisionLoop loop = new PrecisionLoop(profile, ForkCosts.learning());
        int iterations = loop.firstIterations(todo, configs.size(), budget);
        Duration low = estimate(todo, profile.minForks(), iterations);
        Duration high = estimate(todo, profile.maxForks(), profile.measurementIterations());
        if (!profile.budget().isZero() && high.compareTo(profile.budget()) > 0) {
            high = low.compareTo(profile.budget()) > 0 ? low : profile.budget();
        }
        String per = configs.size() > 1 ? "per point and configuration" : "per point";
        out.printf("Plan: %d point%s%s, profile %s, %s; estimated %s; results in %s%n", todo.size(),
                todo.size() == 1 ? "" : "s",
                alreadyDone > 0 ? " left (" + alreadyDone + " already done)" : "", profile.name(),
                forks(per, loop.targetForks(), iterations),
                low.equals(high) ? Progress.format(low) : Progress.format(low) + " to " + Progress.format(high), runDir);
        if (!todo.isEmpty()) { // a finished run resumed has no forks to warm up
            out.println("Warm-up per fork: " + warmups(todo));
        }
        List<List<Point>> places = Sweep.places(todo);
        if (places.size() < todo.size()) {
            out.printf("Places: %d; the variants of each measured in rounds, one fork of each in turn%n", places.size());
        }
        String warning = cores.warning();
        if (!warning.isEmpty()) {
            out.println(warning);
        }
        Placement placement = cores.placement();
        out.println("Machine: " + placement.topology().summary() + "; placement " + placement.policy()
                + (placement.limits().quotaCpus().isPresent() ? "; " + placement.limits().describeQuota() : ""));
        plan.stream().map(Point::cores).distinct().sorted().forEach(c -> out.println(placement.line(c)));
        if (configs.size() > 1) {
            out.println("Configurations, one fork of each in turn at every point:");
            for (RunConfig c : configs) {
                out.println("config " + c.name() + ": JVM options " + (c.jvmOptions().isBlank() ? "(none)" : c.jvmOptions())
                        + "; " + (c.javaHome().isEmpty() ? "the run's JDK" : "JDK " + c.jdkVersion() + " at " + c.javaHome()));
            }
        }
    }

    /** Each family's warm-up per fork, e.g. {@code counters 4 x 200 ms, spawn 8 x 200 ms}. */
    private String warmups(List<Point> points) {
        Map<String, ForkWarmup> byFamily = new TreeMap<>();
        for (Point p : points) {
            byFamily.putIfAbsent(p.key().family(), profile.warmupOf(p.benchmark()));
        }
        StringJoiner text = new StringJoiner(", ");
        byFamily.forEach((family, w) -> text.add(family + " " + w.iterations() + " x " + w.time().toMillis() + " ms"));
        return text.toString();
    }

    /**
     * Time {@code points} take at {@code forks} forks of {@code iterations} per configuration, the
     * canary's readings included.
     */
    Duration estimate(List<Point> points, int forks, int iterations) {
        Duration total = points.isEmpty() ? Duration.ZERO : CanaryRecorder.TIME.multipliedBy(canaryReadings);
        for (Point p : points) {
            total = total.plus(pointTime(p, forks, iterations));
        }
        return total;
    }

    /** The plan's time of one point: its forks of every configuration. */
    Duration pointTime(Point p, int forks, int iterations) {
        return profile.forkTime(p.benchmark(), iterations).multipliedBy((long) forks * configs.size());
    }
}
