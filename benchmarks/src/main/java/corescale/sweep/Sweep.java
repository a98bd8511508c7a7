package corescale.sweep;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import corescale.results.CpuList;
import corescale.results.MachineInfo;
import corescale.results.ResultRow;
import corescale.results.ResultsCsv;
import corescale.stats.model.PointKey;
import corescale.stats.report.TopologyFacts;
import corescale.stats.run.RunFile;
import corescale.stats.run.RunFile.RunConfig;
import corescale.topology.Placement;

/**
 * Measures the points of a plan one after another, each to the profile's precision, and never
 * loses finished work: a point's rows are appended to results.csv (and forced to disk) as soon as
 * it is done, a point that fails is logged to failures.csv and the sweep goes on, and Ctrl-C
 * stops the forks, lets a point being written finish, and says how to resume.
 */
public final class Sweep {

    /** How the sweep ended. */
    public record Outcome(int planned, int alreadyDone, int measured, int failed) {
        public int exitCode() {
            return failed > 0 ? 1 : 0;
        }
    }

    /** The one configuration of a run without {@code --config}: no name, no options, the run's JDK. */
    public static final RunConfig PLAIN = new RunConfig("", "", "", "");

    private final Path runDir;
    private final Profile profile;
    private final List<Point> plan;
    private final List<RunConfig> configs;
    private final CoresRestriction cores;
    private final PrintStream out;
    private final boolean terminal;
    private final String runId;
    private final MachineInfo machine;
    private final Duration hangLimit;
    private final Object writeLock = new Object();
    private volatile boolean stopping;

    /** @param configs the configurations whose forks alternate at every point; empty for a plain run */
    public Sweep(Path runDir, Profile profile, List<Point> plan, List<RunConfig> configs, CoresRestriction cores,
                 PrintStream out, boolean terminal, String runId, MachineInfo machine, Duration hangLimit) {
        this.runDir = runDir;
        this.profile = profile;
        this.plan = List.copyOf(plan);
        this.configs = configs.isEmpty() ? List.of(PLAIN) : List.copyOf(configs);
        this.cores = cores;
        this.out = out;
        this.terminal = terminal;
        this.runId = runId;
        this.machine = machine;
        this.hangLimit = hangLimit;
    }

    /** The points of the plan that results.csv in {@code runDir} already holds. */
    public static Set<PointKey> finishedPoints(Path runDir) throws IOException {
        Path file = runDir.resolve("results.csv");
        Set<PointKey> done = new HashSet<>();
        if (!Files.exists(file)) {
            return done;
        }
        for (Map<String, String> row : ResultsCsv.read(file)) {
            done.add(new PointKey(row.get("family"), row.get("benchmark"), row.get("variant"), row.get("params"),
                    Integer.parseInt(row.get("cores")), Integer.parseInt(row.get("threads"))));
        }
        return done;
    }

    /**
     * Measures the points not yet in results.csv. When the run folder has a run.json, the canary is
     * measured and recorded there before the first point ({@code start}, or {@code resume} when
     * {@code resuming}), after half of them ({@code middle}) and after the last ({@code end}).
     */
    public Outcome run(boolean resuming) throws IOException {
        Files.createDirectories(runDir);
        ResultsCsv results = new ResultsCsv(runDir.resolve("results.csv"));
        ResultsCsv.dropUnfinishedLine(results.file()).ifPresent(cut -> out.println(results.file() + ": " + cut.problem()));
        Set<PointKey> finished = finishedPoints(runDir);
        List<Point> todo = new ArrayList<>();
        for (Point p : plan) {
            if (!finished.contains(p.key())) {
                todo.add(p);
            }
        }
        int alreadyDone = plan.size() - todo.size();
        printPlan(todo.size(), alreadyDone);

        PointLog points = PointLog.points(runDir);
        PointLog failures = PointLog.failures(runDir);
        Progress progress = new Progress(out, terminal, todo.size(), estimate(todo.size(), profile.minForks()));
        int measured = 0;
        int failed = 0;
        Thread hook = new Thread(() -> interrupted(progress), "corescale-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try (PrintStream jmhLog = new PrintStream(new FileOutputStream(runDir.resolve("jmh.log").toFile(), true), true)) {
            JmhForks forks = new JmhForks(profile, cores, runDir, jmhLog, runId, machine, hangLimit);
            Optional<CanaryRecorder> canary = RunFile.exists(runDir) && !todo.isEmpty()
                    ? Optional.of(new CanaryRecorder(runDir, cores, jmhLog, progress::say, () -> stopping)) : Optional.empty();
            canary.ifPresent(c -> c.take(resuming ? "resume" : "start"));
            long sweepStart = System.nanoTime();
            int started = 0;
            for (Point point : todo) {
                if (stopping) {
                    break;
                }
                Duration cap = pointCap(Duration.ofNanos(System.nanoTime() - sweepStart), todo.size() - started++);
                PrecisionLoop loop = new PrecisionLoop(profile, cap, System::nanoTime);
                long pointStart = System.nanoTime();
                try {
                    PrecisionLoop.Outcome outcome = loop.measure(configs, (config, fork) -> {
                        progress.starting(point, config.name(), fork);
                        return forks.run(point, config, fork);
                    });
                    synchronized (writeLock) {
                        if (stopping) {
                            break;
                        }
                        record(point, outcome, System.nanoTime() - pointStart, results, points);
                    }
                    measured++;
                    progress.finished(point, describe(outcome));
                } catch (PointFailedException e) {
                    if (stopping) {
                        break;
                    }
                    failed++;
                    if (e.getMessage().contains("JMH lock")) {
                        // Another JMH run is measuring on this machine: every point would fail, and
                        // running beside it would spoil both runs' numbers.
                        progress.say("Stopped: " + e.getMessage());
                        break;
                    }
                    synchronized (writeLock) {
                        failures.append(point.key(), e.getMessage());
                    }
                    progress.finished(point, "FAILED: " + e.getMessage());
                }
                if (started == (todo.size() + 1) / 2) {
                    canary.ifPresent(c -> c.take("middle"));
                }
            }
            if (!stopping) {
                canary.ifPresent(c -> c.take("end"));
            }
        } finally {
            if (!stopping) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        out.printf("%d of %d points measured%s, %d failed%s; results in %s%n", measured, todo.size(),
                alreadyDone > 0 ? " (" + alreadyDone + " were already done)" : "", failed,
                failed > 0 ? " (see failures.csv)" : "", runDir.resolve("results.csv"));
        return new Outcome(plan.size(), alreadyDone, measured, failed);
    }

    /**
     * Appends the point's rows, every configuration's together, to results.csv and one line per
     * configuration to points.csv.
     */
    private void record(Point point, PrecisionLoop.Outcome outcome, long nanos, ResultsCsv results, PointLog points)
            throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        outcome.configs().forEach(c -> c.forks().forEach(f -> rows.addAll(f.rows())));
        results.append(rows);
        for (PrecisionLoop.ConfigForks c : outcome.configs()) {
            ForkResult.Load load = c.load();
            points.append(point.key(), c.forks().size(), c.mean(), unit(c), blankIfNaN(c.relCi()),
                    blankIfNaN(profile.precision()), outcome.stop().label, String.format(Locale.ROOT, "%.1f", nanos / 1e9),
                    CpuList.format(cores.cpusFor(point.cores())),
                    Double.isNaN(load.stealShare()) ? "" : String.format(Locale.ROOT, "%.2f", 100 * load.stealShare()),
                    load.involuntarySwitches(), c.config().name());
        }
    }

    /** The point's own cap, or less when the budget left, shared over the points left, is less. */
    private Duration pointCap(Duration elapsed, int pointsLeft) {
        if (profile.budget().isZero()) {
            return profile.pointTimeCap();
        }
        Duration share = profile.budget().minus(elapsed).dividedBy(Math.max(1, pointsLeft));
        return share.compareTo(profile.pointTimeCap()) < 0 ? share : profile.pointTimeCap();
    }

    private void interrupted(Progress progress) {
        stopping = true;
        JmhForks.killDescendants();
        synchronized (writeLock) {
            progress.say("");
            progress.say("Interrupted: results.csv in " + runDir + " keeps every finished point.");
            progress.say("Resume with: java -jar benchmarks.jar run --resume " + runDir);
        }
    }

    /** The plan as {@code run} prints it before measuring, for {@code run --dry-run}. */
    public void printPlan() throws IOException {
        Set<PointKey> finished = finishedPoints(runDir);
        long todo = plan.stream().filter(p -> !finished.contains(p.key())).count();
        printPlan((int) todo, plan.size() - (int) todo);
    }

    private void printPlan(int todo, int alreadyDone) {
        Duration low = estimate(todo, profile.minForks());
        Duration high = estimate(todo, profile.maxForks());
        if (!profile.budget().isZero() && high.compareTo(profile.budget()) > 0) {
            high = low.compareTo(profile.budget()) > 0 ? low : profile.budget();
        }
        String per = configs.size() > 1 ? "per point and configuration" : "per point";
        out.printf("Plan: %d points%s, profile %s, %s; estimated %s to %s; results in %s%n", todo,
                alreadyDone > 0 ? " left (" + alreadyDone + " already done)" : "", profile.name(),
                profile.fixedForks() ? profile.maxForks() + " fork(s) " + per
                        : String.format(Locale.ROOT, "forks %d to %d %s until ±%.0f%%",
                        profile.minForks(), profile.maxForks(), per, profile.precision() * 100),
                Progress.format(low), Progress.format(high), runDir);
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

    /** Time {@code points} points take at {@code forks} forks per configuration, the canary's three readings included. */
    private Duration estimate(int points, int forks) {
        Duration canary = points > 0 ? CanaryRecorder.TIME.multipliedBy(3) : Duration.ZERO;
        return profile.forkTime().multipliedBy((long) forks * points * configs.size()).plus(canary);
    }

    /** The point's progress line: per configuration its mean and precision, then forks and why it stopped. */
    private static String describe(PrecisionLoop.Outcome outcome) {
        StringBuilder line = new StringBuilder();
        ForkResult.Load load = ForkResult.Load.NONE;
        for (PrecisionLoop.ConfigForks c : outcome.configs()) {
            String ci = Double.isNaN(c.relCi()) ? "" : String.format(Locale.ROOT, " ±%.1f%%", c.relCi() * 100);
            line.append(c.config().name()).append(c.config().name().isEmpty() ? "" : " ")
                    .append(String.format(Locale.ROOT, "%.4g %s%s, ", c.mean(), unit(c), ci));
            load = load.plus(c.load());
        }
        line.append(String.format(Locale.ROOT, "%d fork(s)%s, %s", outcome.rounds(),
                outcome.configs().size() > 1 ? " each" : "", outcome.stop().label.replace('_', ' ')));
        if (load.stealShare() > TopologyFacts.STEAL_FLAG) {
            line.append(String.format(Locale.ROOT, ", STEAL %.1f%% of the CPUs' time", 100 * load.stealShare()));
        }
        return line.toString();
    }

    private static String unit(PrecisionLoop.ConfigForks c) {
        return c.forks().stream().flatMap(f -> f.rows().stream()).map(ResultRow::unit).findFirst().orElse("");
    }

    private static Object blankIfNaN(double value) {
        return Double.isNaN(value) ? "" : value;
    }
}
