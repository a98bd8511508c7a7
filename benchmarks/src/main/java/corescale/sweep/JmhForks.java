package corescale.sweep;

import corescale.benchmarks.exec.ChildJvm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.BenchmarkResultMetaData;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.TextResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import corescale.results.CpuList;
import corescale.stats.model.Machine;
import corescale.results.ResultRow;
import corescale.stats.model.PointKey;
import corescale.stats.run.RunFile.RunConfig;

/**
 * Runs one fork of one point through JMH's own runner, restricted to the point's cores, and turns
 * JMH's result into results.csv rows. JMH's text output goes to {@code jmh.log}; JMH writes no JSON
 * of its own per batch, since the sweep writes the run's jmh-result.json from results.csv (a per-batch
 * file would hold a few forks of one point, and nothing read them).
 *
 * <p>A watchdog kills the fork (and anything it started) when it runs far past its expected time,
 * so that a hung benchmark fails its point instead of the whole run.
 */
public final class JmhForks {


    private final Profile profile;
    private final CoresRestriction cores;
    private final Path runDir;
    private final PrintStream jmhLog;
    private final String runId;
    private final Machine machine;
    private final Duration hangLimit;
    private final ClassSharing classSharing;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corescale-watchdog");
        t.setDaemon(true);
        return t;
    });

    public JmhForks(Profile profile, CoresRestriction cores, Path runDir, PrintStream jmhLog, String runId,
                    Machine machine, Duration hangLimit, boolean classSharing) {
        this.profile = profile;
        this.cores = cores;
        this.runDir = runDir;
        this.jmhLog = jmhLog;
        this.runId = runId;
        this.machine = machine;
        this.hangLimit = hangLimit;
        this.classSharing = new ClassSharing(runDir, classSharing);
    }

    /**
     * Runs forks {@code first} ... {@code first + count - 1} of {@code point} in configuration
     * {@code config}, each of {@code iterations} measured iterations, in one JMH runner: on the
     * configuration's JDK, with its JVM options after the sweep's own.
     */
    public List<ForkResult> run(Point point, RunConfig config, int first, int count, int iterations) throws PointFailedException {
        try {
            return measure(point, config, first, count, iterations);
        } catch (PointFailedException e) {
            if (config.name().isEmpty()) {
                throw e;
            }
            // A point fails as a whole; its error says which configuration's fork failed.
            throw new PointFailedException("config " + config.name() + ": " + e.getMessage(), e);
        }
    }

    private List<ForkResult> measure(Point point, RunConfig config, int first, int count, int iterations)
            throws PointFailedException {
        ChainedOptionsBuilder options;
        try {
            classSharing.prepare();
            ForkWarmup warmup = profile.warmupOf(point.benchmark());
            options = new OptionsBuilder()
                    .include("^" + Pattern.quote(point.benchmark()) + "$")
                    .mode(org.openjdk.jmh.annotations.Mode.deepValueOf(point.mode().jmhName()))
                    .forks(count)
                    .threads(point.threads())
                    .warmupIterations(warmup.iterations())
                    .warmupTime(millis(warmup.time()))
                    .measurementIterations(iterations)
                    .measurementTime(millis(profile.measurementTime()))
                    .jvm(cores.jvmFor(point.cores(), config.javaHome()))
                    .jvmArgsAppend(jvmArgs(point, config))
                    .addProfiler(CoresCheck.class)
                    .shouldFailOnError(true)
                    .timeout(TimeValue.seconds(Math.max(30, 5 * profile.measurementTime().toSeconds())));
        } catch (IOException e) {
            throw new PointFailedException("cannot prepare the fork: " + e.getMessage(), e);
        }
        for (String profiler : profile.profilers()) {
            int colon = profiler.indexOf(':');
            String name = colon < 0 ? profiler : profiler.substring(0, colon);
            String opts = colon < 0 ? "" : profiler.substring(colon + 1);
            options.addProfiler(name, name.equals("jfr") ? withDir(opts, profileDir(point, config, first)) : opts);
        }
        point.params().forEach((k, v) -> options.param(k, v));
        String batch = point.params().get("k");
        if (batch != null) {
            // Batch benchmarks score per unit of their batch of k: JMH must divide by the same k.
            options.operationsPerInvocation(Integer.parseInt(batch));
        }

        AtomicBoolean killed = new AtomicBoolean();
        Duration limit = profile.forkTime(point.benchmark(), iterations).multipliedBy(count).plus(hangLimit);
        ScheduledFuture<?> kill = watchdog.schedule(() -> {
            killed.set(true);
            killDescendants();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        Collection<RunResult> results;
        try {
            results = new Runner(options.build(), OutputFormatFactory.createFormatInstance(jmhLog, VerboseMode.NORMAL)).run();
        } catch (RunnerException | RuntimeException e) {
            // JMH also fails unchecked, as when an interrupted run kills its probe of the fork's JVM
            // properties before the probe wrote them: this point failed, not the sweep.
            if (killed.get()) {
                throw new PointFailedException("hung: no result after " + limit.toSeconds() + " s, fork killed", e);
            }
            throw new PointFailedException(describe(e), e);
        } finally {
            kill.cancel(false);
            jmhLog.flush();
        }
        if (results.isEmpty()) {
            throw new PointFailedException("JMH found no benchmark named " + point.benchmark());
        }
        RunResult run = results.iterator().next();
        List<ForkResult> forks = new ArrayList<>();
        int fork = first;
        for (BenchmarkResult forkResult : run.getBenchmarkResults()) {
            BenchmarkResultMetaData times = forkResult.getMetadata();
            double measureSeconds = times == null ? 0 : (times.getStopTime() - times.getMeasurementTime()) / 1e3;
            forks.add(ForkResult.of(rows(point, config, fork++, run.getParams(), forkResult), measureSeconds,
                    cores.cpusFor(point.cores()), load(forkResult)));
        }
        if (forks.size() != count) {
            throw new PointFailedException("JMH returned " + forks.size() + " forks, not " + count);
        }
        return forks;
    }

    /** Steal and involuntary switches over the fork's measured iterations. */
    private static ForkResult.Load load(BenchmarkResult fork) {
        ForkResult.Load load = ForkResult.Load.NONE;
        for (IterationResult it : fork.getIterationResults()) {
            Map<String, Result> s = it.getSecondaryResults();
            load = load.plus(new ForkResult.Load(count(s, CoresCheck.STEAL_TICKS), count(s, CoresCheck.TOTAL_TICKS),
                    count(s, CoresCheck.INVOLUNTARY)));
        }
        return load;
    }

    private static long count(Map<String, Result> results, String label) {
        Result r = results.get(label);
        return r == null ? 0 : Math.round(r.getScore());
    }

    private List<ResultRow> rows(Point point, RunConfig config, int fork, BenchmarkParams params, BenchmarkResult forkResult)
            throws PointFailedException {
        String mode = params.getMode().shortLabel();
        String jvmArgs = String.join(" ", params.getJvmArgs().stream().filter(a -> !a.startsWith("-D" + ChildJvm.CONFIG_OPTIONS + "="))
                .map(classSharing::recorded).toList()); // the options themselves are recorded as given
        PointKey key = point.key();
        List<ResultRow> rows = new ArrayList<>();
        int iteration = 0;
        for (IterationResult it : forkResult.getIterationResults()) {
            iteration++;
            checkCores(point, it);
            Map<String, Double> secondary = new TreeMap<>();
            for (Map.Entry<String, Result> e : it.getSecondaryResults().entrySet()) {
                if (!e.getKey().startsWith("corescale.")) {
                    putNumber(secondary, e.getKey(), e.getValue());
                }
            }
            // What a profiler measures over the whole fork (perfnorm's counters): the fork's value in each of its rows.
            for (Map.Entry<String, Collection<Result>> e : forkResult.getBenchmarkResults().entrySet()) {
                if (!secondary.containsKey(e.getKey()) && e.getValue().size() == 1) {
                    putNumber(secondary, e.getKey(), e.getValue().iterator().next());
                }
            }
            Result primary = it.getPrimaryResult();
            rows.add(new ResultRow(runId, machine, jvmArgs, config.name(), point.cores(), cores.affinity(),
                    key.family(), key.benchmark(), key.variant(), key.params(), mode, point.threads(), fork, iteration, primary.getScore(),
                    primary.getScoreUnit(), secondary));
        }
        return rows;
    }

    /** A result that is a number; a profiler's text (stack, jfr) goes to jmh.log only. */
    private static void putNumber(Map<String, Double> secondary, String name, Result result) {
        if (!(result instanceof TextResult) && Double.isFinite(result.getScore())) {
            secondary.put(name, result.getScore());
        }
    }

    /**
     * Where the jfr profiler of a batch writes: {@code profiles/<point>[-<config>]-f<first fork>/} in the
     * run folder, JMH adding a folder per benchmark inside. The forks of one batch write the same file,
     * so it holds the batch's last fork.
     */
    private Path profileDir(Point point, RunConfig config, int first) {
        PointKey key = point.key();
        String name = key.family() + "-" + key.benchmark() + "-" + key.variant()
                + (key.params().isEmpty() ? "" : "-" + key.params()) + "-c" + point.cores() + "-t" + point.threads()
                + (config.name().isEmpty() ? "" : "-" + config.name()) + "-f" + first;
        return runDir.resolve("profiles").resolve(name.replaceAll("[^A-Za-z0-9._=-]", "_")).toAbsolutePath();
    }

    /** The profiler's options with {@code dir=} set, unless the user gave one. */
    private static String withDir(String opts, Path dir) {
        if (java.util.Arrays.stream(opts.split(";")).anyMatch(o -> o.startsWith("dir="))) {
            return opts;
        }
        return (opts.isEmpty() ? "" : opts + ";") + "dir=" + dir;
    }

    /**
     * The fork must have seen exactly the cores the point says and, with affinity, run on exactly
     * the CPUs placed for it, or its numbers mean something else.
     */
    private void checkCores(Point point, IterationResult it) throws PointFailedException {
        Map<String, Result> s = it.getSecondaryResults();
        Result visible = s.get(CoresCheck.VISIBLE);
        if (visible == null) {
            throw new PointFailedException("the fork did not report its processors (CoresCheck profiler missing)");
        }
        if ((int) visible.getScore() != point.cores()) {
            throw new PointFailedException("the fork saw " + (int) visible.getScore() + " processors, not " + point.cores());
        }
        Result match = s.get(CoresCheck.MATCH);
        if (cores.affinity() && (match == null || match.getScore() != 1)) {
            List<Integer> had = s.keySet().stream().filter(k -> k.startsWith(CoresCheck.HAS_CPU))
                    .map(k -> Integer.parseInt(k.substring(CoresCheck.HAS_CPU.length()))).sorted().toList();
            throw new PointFailedException("the fork ran on CPUs " + (had.isEmpty() ? "unknown" : CpuList.format(had))
                    + ", not the placed " + CpuList.format(cores.cpusFor(point.cores())) + ": taskset did not take");
        }
    }

    /**
     * The first line of what the benchmark itself threw: JMH wraps the fork's exceptions as
     * suppressed exceptions of its own, under a generic message.
     */
    static String describe(Throwable e) {
        Throwable root = e;
        while (true) {
            if (root.getSuppressed().length > 0) {
                root = root.getSuppressed()[0];
            } else if (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            } else {
                break;
            }
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** Ends every process this JVM started: JMH forks and whatever they started. */
    static void killDescendants() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** The sweep's own JVM arguments for the point (and the run's class data sharing archive), then the configuration's options. */
    private String[] jvmArgs(Point point, RunConfig config) {
        List<String> args = new ArrayList<>(cores.jvmArgs(point.cores()));
        args.addAll(classSharing.jvmArgs(config));
        List<String> options = options(config);
        if (!options.isEmpty()) {
            args.add("-D" + ChildJvm.CONFIG_OPTIONS + "=" + String.join(" ", options)); // for its measured children
        }
        args.addAll(options);
        return args.toArray(String[]::new);
    }

    /**
     * A configuration's JVM options as separate arguments: split on whitespace, as a shell splits a
     * simple command line (quotes are not interpreted; {@code run} refuses them).
     */
    public static List<String> options(RunConfig config) {
        String options = config.jvmOptions().strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static TimeValue millis(Duration d) {
        return TimeValue.milliseconds(d.toMillis());
    }
}
