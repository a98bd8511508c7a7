package corescale.sweep;

import corescale.stats.run.PointsFile.Stop;
import corescale.stats.model.ResultsFile;
import corescale.stats.run.PointsFile;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import corescale.stats.model.Machine;
import corescale.results.ResultRow;
import corescale.results.ResultsCsv;
import corescale.stats.io.BadInputException;
import corescale.stats.export.RunExports;
import corescale.stats.model.Mode;
import corescale.stats.model.Place;
import corescale.stats.model.PointKey;
import corescale.stats.model.ResultsColumn;
import corescale.stats.run.RunFile;
import corescale.stats.run.RunFile.RunConfig;

/**
 * Measures the points of a plan a place at a time, its variants in rounds ({@link PrecisionLoop}),
 * each to the profile's precision, and never loses finished work: a point's rows are appended to
 * results.csv (and forced to disk) as soon as its last fork of a batch is measured, a point that
 * fails is logged to failures.csv and the sweep goes on, and Ctrl-C stops the forks, lets a point being written finish, and says how to resume. After every point
 * it rebuilds jmh-result.json from results.csv ({@link RunExports}), so the two always agree.
 */
public final class Sweep {

    /**
     * How the sweep ended.
     *
     * @param locked whether it stopped because another JMH run took JMH's lock ({@link JmhLock})
     */
    public record Outcome(int planned, int alreadyDone, int measured, int failed, boolean locked) {
        public int exitCode() {
            return failed > 0 || locked ? 1 : 0;
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
    private final Machine machine;
    private final Duration hangLimit;
    private final boolean classSharing;
    /** Whether the canary is measured (where the run folder has a run.json); {@code run --no-canary} says not. */
    private final boolean canary;
    private final SweepJmhContext jmhContext;
    /** The configurations' names as run.json declares them; empty for a plain run. */
    private final List<String> declaredConfigs;
    private final Object writeLock = new Object();
    private volatile boolean stopping;
    /** Another JMH run took JMH's lock ({@link JmhLock}) while this one measured: every fork would fail. */
    private boolean locked;

    /**
     * @param configs the configurations whose forks alternate at every point; empty for a plain run
     * @param canary  whether to measure the canary (where the run folder has a run.json)
     */
    public Sweep(Path runDir, Profile profile, List<Point> plan, List<RunConfig> configs, CoresRestriction cores,
                 PrintStream out, boolean terminal, String runId, Machine machine, Duration hangLimit,
                 boolean classSharing, boolean canary) {
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
        this.classSharing = classSharing;
        this.canary = canary;
        this.jmhContext = new SweepJmhContext(profile, cores, this.configs);
        this.declaredConfigs = configs.stream().map(RunConfig::name).toList();
    }

    /** The points of the plan that results.csv in {@code runDir} already holds. */
    public static Set<PointKey> finishedPoints(Path runDir) throws IOException {
        Path file = runDir.resolve(ResultsFile.NAME);
        Set<PointKey> done = new HashSet<>();
        if (!Files.exists(file)) {
            return done;
        }
        for (Map<String, String> row : ResultsCsv.read(file)) {
            done.add(new PointKey(row.get(ResultsColumn.FAMILY.header), row.get(ResultsColumn.BENCHMARK.header),
                    row.get(ResultsColumn.VARIANT.header), row.get(ResultsColumn.PARAMS.header),
                    Integer.parseInt(row.get(ResultsColumn.CORES.header)), Integer.parseInt(row.get(ResultsColumn.THREADS.header)),
                    Mode.parse(row.get(ResultsColumn.MODE.header))));
        }
        return done;
    }

    /**
     * Measures the points not yet in results.csv: first each to the profile's minimum forks, then,
     * with the budget left, more forks where they are predicted to reach the target soonest (see
     * {@link PrecisionLoop}). When the run folder has a run.json (and unless told not to), the canary is measured and
     * recorded there before the first point ({@code start}, or {@code resume} when
     * {@code resuming}), half-way through the first pass ({@code middle}) and at the end ({@code end}).
     */
    public Outcome run(boolean resuming) throws IOException {
        Files.createDirectories(runDir);
        ResultsCsv results = new ResultsCsv(runDir.resolve(ResultsFile.NAME));
        ResultsCsv.dropUnfinishedLine(results.file()).ifPresent(cut -> out.println(results.file() + ": " + cut.problem()));
        Set<PointKey> finished = finishedPoints(runDir);
        if (!finished.isEmpty()) {
            // A run killed between a point's rows and its export is made whole again.
            export(out::println);
        }
        List<Point> todo = new ArrayList<>();
        for (Point p : plan) {
            if (!finished.contains(p.key())) {
                todo.add(p);
            }
        }
        int alreadyDone = plan.size() - todo.size();
        PlanText planText = new PlanText(profile, plan, configs, cores, runDir, canary);
        planText.print(out, todo, alreadyDone);

        PointLog points = PointLog.points(runDir);
        PointLog failedLog = PointLog.failures(runDir);
        PrecisionLoop loop = new PrecisionLoop(profile, ForkCosts.learning());
        boolean withCanary = canary && RunFile.exists(runDir) && !todo.isEmpty();
        long sweepStart = System.nanoTime();
        int iterations = loop.firstIterations(todo, configs.size(), budgetLeft(sweepStart, withCanary ? CanaryRecorder.READINGS : 0));
        Progress progress = new Progress(out, terminal, todo, planText.estimate(todo, profile.minForks(), iterations),
                p -> planText.pointTime(p, profile.minForks(), iterations).toNanos(), System::nanoTime);
        int measured = 0;
        int failed = 0;
        FirstPass firstPass = new FirstPass(results, points, failedLog, progress);
        Thread hook = new Thread(() -> interrupted(progress), "corescale-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try (PrintStream jmhLog = new PrintStream(new FileOutputStream(runDir.resolve("jmh.log").toFile(), true), true)) {
            JmhForks forks = new JmhForks(profile, cores, runDir, jmhLog, runId, machine, hangLimit, classSharing);
            Optional<CanaryRecorder> canary = withCanary
                    ? Optional.of(new CanaryRecorder(runDir, cores, jmhLog, progress::say, () -> stopping)) : Optional.empty();
            canary.ifPresent(c -> c.take(resuming ? "resume" : "start"));
            int started = 0;
            for (List<Point> place : places(todo)) {
                if (stopping || locked) {
                    break;
                }
                progress.placeStarting(place.size());
                loop.first(place.stream().map(p -> new PointForks(p, configs)).toList(), iterations, source(forks, progress), firstPass);
                int before = started;
                started += place.size();
                if (!stopping && !locked && before < (todo.size() + 1) / 2 && started >= (todo.size() + 1) / 2) {
                    canary.ifPresent(c -> c.take("middle"));
                }
            }
            measured = firstPass.measured;
            failed = firstPass.failed;
            if (!stopping && !locked && !firstPass.open.isEmpty()) {
                failed += moreForks(firstPass.open, loop, forks, sweepStart, withCanary ? 1 : 0, results, points, failedLog, progress);
            }
            if (!stopping && !locked) {
                canary.ifPresent(c -> c.take("end"));
            }
        } finally {
            if (!stopping) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        out.printf("%d of %d points measured%s, %d failed%s; results in %s%n", measured, todo.size(),
                alreadyDone > 0 ? " (" + alreadyDone + " were already done)" : "", failed,
                failed > 0 ? " (see failures.csv)" : "",
                Files.exists(runDir.resolve(ResultsFile.NAME)) ? runDir.resolve(ResultsFile.NAME) : runDir + " (no results.csv: nothing was measured)");
        if (locked) {
            out.println("Stopped by another JMH run's lock" + (measured + failed < todo.size()
                    ? "; when it has ended, resume with: java -jar benchmarks.jar run --resume " + runDir : ""));
        }
        return new Outcome(plan.size(), alreadyDone, measured, failed, locked);
    }

    /**
     * Takes each point of the first pass as it is measured: writes its rows, or logs its failure, and
     * keeps the points still open for the second pass. Another run's JMH lock stops the pass ({@link #lockTaken}).
     */
    private final class FirstPass implements PrecisionLoop.Done {
        final List<PointForks> open = new ArrayList<>();
        int measured;
        int failed;
        private final ResultsCsv results;
        private final PointLog points;
        private final PointLog failedLog;
        private final Progress progress;

        FirstPass(ResultsCsv results, PointLog points, PointLog failedLog, Progress progress) {
            this.results = results;
            this.points = points;
            this.failedLog = failedLog;
            this.progress = progress;
        }

        @Override
        public boolean done(PointForks state, Optional<PointFailedException> failure) throws IOException {
            if (stopping) {
                return false;
            }
            if (failure.isPresent()) {
                String why = failure.get().getMessage();
                if (!logFailure(state, why, failedLog, progress)) {
                    return false;
                }
                failed++;
                progress.finished(state.point(), "FAILED: " + why);
                return true;
            }
            if (!write(state, results, points, progress)) {
                return false;
            }
            measured++;
            progress.finished(state.point(), PointLines.progress(state, profile.precision()));
            if (state.open()) {
                open.add(state);
            }
            return true;
        }
    }

    /**
     * The second pass: batches of more forks, each for the open point predicted to reach the target
     * in the least time, while the budget lasts; returns the batches that failed.
     */
    private int moreForks(List<PointForks> open, PrecisionLoop loop, JmhForks forks, long sweepStart, int canaryReadings,
                          ResultsCsv results, PointLog points, PointLog failedLog, Progress progress) throws IOException {
        int[] failed = {0};
        progress.say(String.format(Locale.ROOT, "%d points below the target: more forks where they reach it soonest", open.size()));
        progress.secondPass();
        while (!stopping && !locked) {
            Optional<PrecisionLoop.Rounds> next = loop.next(open, budgetLeft(sweepStart, canaryReadings));
            if (next.isEmpty()) {
                break;
            }
            loop.more(next.get(), source(forks, progress), (state, failure) -> {
                if (stopping) {
                    return false;
                }
                if (failure.isPresent()) {
                    String why = failure.get().getMessage();
                    if (!logFailure(state, "more forks: " + why, failedLog, progress)) {
                        return false;
                    }
                    failed[0]++;
                    progress.say("[more] " + state.point().label() + ": FAILED: " + why);
                    return true;
                }
                if (!write(state, results, points, progress)) {
                    return false;
                }
                progress.say(String.format(Locale.ROOT, "[more] %s: %s | elapsed %s", state.point().label(), PointLines.progress(state, profile.precision()),
                        Progress.format(progress.elapsed())));
                return true;
            });
        }
        if (!stopping && !locked) {
            // What the second pass decided for the points it did not take to the target.
            for (PointForks state : open) {
                if (state.open()) {
                    state.stop(Stop.BUDGET);
                }
                synchronized (writeLock) {
                    points.put(state.point().key(), PointLines.csv(state, profile, cores.cpusFor(state.point().cores())));
                }
            }
        }
        return failed[0];
    }

    /**
     * Logs a failed batch of {@code state}'s point to failures.csv; false, and nothing logged, when it
     * failed because another JMH run took JMH's lock ({@link #lockTaken}): then the sweep stops.
     */
    private boolean logFailure(PointForks state, String why, PointLog failedLog, Progress progress) throws IOException {
        if (lockTaken(why, progress)) {
            return false;
        }
        synchronized (writeLock) {
            failedLog.append(state.point().key(), Map.of(PointsFile.ERROR, why));
        }
        return true;
    }

    /**
     * Whether a fork failed because another JMH run took JMH's lock: then it is said, and the sweep
     * stops, as every fork would fail and running beside that run would spoil both runs' numbers.
     */
    private boolean lockTaken(String why, Progress progress) {
        if (!why.contains(JmhLock.JMH_SAYS)) {
            return false;
        }
        progress.say("Stopped: " + why);
        locked = true;
        return true;
    }

    private PrecisionLoop.ForkSource source(JmhForks forks, Progress progress) {
        return (point, config, first, count, iterations) -> {
            progress.starting(point, config.name(), first);
            return forks.run(point, config, first, count, iterations);
        };
    }

    /**
     * The points grouped by {@link Place}, in the order the plan first names each place: a place's
     * variants are measured in rounds together.
     */
    static List<List<Point>> places(List<Point> points) {
        Map<Place, List<Point>> byPlace = new LinkedHashMap<>();
        points.forEach(p -> byPlace.computeIfAbsent(Place.of(p.key()), x -> new ArrayList<>()).add(p));
        return List.copyOf(byPlace.values());
    }

    /** Seconds of the budget left, keeping {@code canaryReadings} readings' time; infinite without a budget. */
    private double budgetLeft(long sweepStart, int canaryReadings) {
        if (profile.budget().isZero()) {
            return Double.POSITIVE_INFINITY;
        }
        return (profile.budget().toNanos() - (System.nanoTime() - sweepStart)) / 1e9
                - canaryReadings * CanaryRecorder.TIME.toNanos() / 1e9;
    }

    /**
     * Appends the rows of the point's forks not yet written, every configuration's together, to
     * results.csv and puts its line per configuration in points.csv; false when the sweep is
     * stopping and wrote nothing.
     */
    private boolean write(PointForks state, ResultsCsv results, PointLog points, Progress progress) throws IOException {
        synchronized (writeLock) {
            if (stopping) {
                return false;
            }
            List<ResultRow> rows = new ArrayList<>();
            state.unwritten().forEach(f -> rows.addAll(f.rows()));
            results.append(rows);
            points.put(state.point().key(), PointLines.csv(state, profile, cores.cpusFor(state.point().cores())));
            export(progress::say);
            return true;
        }
    }

    /**
     * Rebuilds jmh-result.json from results.csv. One that cannot be written is said in one line and
     * the sweep goes on: results.csv holds every measurement, and the next point tries again.
     */
    private void export(Consumer<String> say) {
        try {
            RunExports.write(runDir, declaredConfigs, jmhContext);
        } catch (BadInputException | IOException e) {
            say.accept(RunExports.JMH_RESULT + ".json not written: " + e.getMessage());
        }
    }

    private void interrupted(Progress progress) {
        stopping = true;
        JmhForks.killDescendants();
        synchronized (writeLock) {
            progress.say("");
            // Under writeLock, so no point is half appended: the file holds whole points or does not exist yet.
            progress.say(Files.exists(runDir.resolve(ResultsFile.NAME))
                    ? "Interrupted: results.csv in " + runDir + " keeps every finished point."
                    : "Interrupted before any point was finished: nothing measured is kept in " + runDir + ".");
            progress.say("Resume with: java -jar benchmarks.jar run --resume " + runDir);
        }
    }

    /** The plan as {@code run} prints it before measuring, for {@code run --dry-run}. */
    public void printPlan() throws IOException {
        Set<PointKey> finished = finishedPoints(runDir);
        List<Point> todo = plan.stream().filter(p -> !finished.contains(p.key())).toList();
        new PlanText(profile, plan, configs, cores, runDir, canary).print(out, todo, plan.size() - todo.size());
    }
}
