package corescale.sweep;

import corescale.stats.io.TextNumbers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import corescale.benchmarks.selftest.Canary;
import corescale.stats.run.RunFile;
import corescale.topology.FsRoot;
import corescale.topology.Topology;

/**
 * Measures the canary ({@link Canary}: its fixed warm-up and iterations, {@link #FORKS} forks per kernel) on
 * the run's own JVM without any configuration's options (the memory kernel with its own heap for the
 * chain, {@link Canary#jvmArgs}), pinned like a 1-core point (the first placed CPU), and appends the
 * reading to run.json, rewritten whole each time. A canary that fails is reported and leaves no
 * reading; the sweep goes on.
 */
final class CanaryRecorder {

    /**
     * Forks per kernel in a reading: each fork is a JVM with its own memory placement, and the spread
     * of a reading's forks is what tells a moving machine from the canary's own noise ({@code Canary.moved}).
     */
    static final int FORKS = 3;
    /** Readings a run takes: {@code start} (or {@code resume}), {@code middle} and {@code end}. */
    static final int READINGS = 3;
    /** The memory kernel's chain on this machine, sized for its largest cache. */
    static final long CHAIN_BYTES = Canary.chainBytes(Topology.largestCacheBytes(FsRoot.fromEnvironment()));
    /** About what one reading takes on this machine ({@link #time}). */
    static final Duration TIME = time(CHAIN_BYTES);

    private final Path runDir;
    private final CoresRestriction cores;
    private final PrintStream jmhLog;
    private final Consumer<String> say;
    private final BooleanSupplier stopping;
    private final long start = System.nanoTime();

    /**
     * @param say      where the reading's line goes (the console, beside the progress line)
     * @param stopping whether the run is being stopped: a canary killed by the stop is not reported
     */
    CanaryRecorder(Path runDir, CoresRestriction cores, PrintStream jmhLog, Consumer<String> say, BooleanSupplier stopping) {
        this.runDir = runDir;
        this.cores = cores;
        this.jmhLog = jmhLog;
        this.say = say;
        this.stopping = stopping;
    }

    /** Takes one reading labelled {@code at} ({@code start}, {@code middle}, {@code end}, {@code resume}). */
    void take(String at) {
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            RunResult cpu = result(run(options(cores, "cpu", List.of())), "cpu", "ops/us");
            RunResult memory = result(run(options(cores, "memory", Canary.jvmArgs(CHAIN_BYTES))), "memory", "ns/op");
            RunFile.CanaryReading reading = new RunFile.CanaryReading(at, seconds, cpu.getPrimaryResult().getScore(),
                    memory.getPrimaryResult().getScore(), forkScores(cpu), forkScores(memory), CHAIN_BYTES);
            RunFile.read(runDir).withCanary(reading).write(runDir);
            say.accept("canary " + at + ": cpu " + TextNumbers.significant(reading.cpuOpsPerUs(), 4) + " ops/µs, memory "
                    + TextNumbers.significant(reading.memoryNsPerLoad(), 3) + " ns/load (a " + Canary.describeChain(CHAIN_BYTES) + " chain)");
        } catch (IOException | RunnerException | RuntimeException e) {
            if (!stopping.getAsBoolean()) {
                say.accept("canary " + at + ": failed, no reading recorded: " + JmhForks.describe(e));
            }
        } finally {
            jmhLog.flush();
        }
    }

    /**
     * About what one reading takes with a chain of {@code chainBytes}: for each kernel {@link #FORKS}
     * JVM starts of 1.3 s with their iterations, 8 s with a 64 MiB chain; each memory fork pre-touches
     * the heap that holds the chain and builds it, 4 s more per GiB beyond (measured on the Intel
     * Xeon VM: 8.7 s with 64 MiB, 11.6 s with 1 GiB).
     */
    static Duration time(long chainBytes) {
        long beyond = Math.max(0, chainBytes - Canary.MIN_CHAIN_BYTES);
        return Duration.ofSeconds(8).plusMillis(4000 * beyond / (1L << 30));
    }

    private Collection<RunResult> run(Options options) throws RunnerException {
        return new Runner(options, OutputFormatFactory.createFormatInstance(jmhLog, VerboseMode.NORMAL)).run();
    }

    /**
     * The kernel {@code method}, {@link #FORKS} forks, pinned like a 1-core point, with {@code kernelArgs}:
     * the memory kernel's heap for its chain ({@link Canary#jvmArgs}), which the cpu kernel's forks
     * need not pre-touch (1.1 s a reading with a 1 GiB chain).
     */
    static Options options(CoresRestriction cores, String method, List<String> kernelArgs) throws IOException {
        return new OptionsBuilder()
                .include("^" + Pattern.quote(Canary.class.getName() + "." + method) + "$")
                .forks(FORKS)
                .jvm(cores.jvmFor(1))
                .jvmArgsAppend(Stream.concat(cores.jvmArgs(1).stream(), kernelArgs.stream()).toArray(String[]::new))
                .shouldFailOnError(true)
                .timeout(TimeValue.seconds(30))
                .build();
    }

    /** The result of the kernel {@code method}, whose score must be in {@code unit} and positive. */
    private static RunResult result(Collection<RunResult> results, String method, String unit) {
        String name = Canary.class.getName() + "." + method;
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().equals(name)) {
                Result<?> primary = r.getPrimaryResult();
                if (!primary.getScoreUnit().equals(unit) || !(primary.getScore() > 0) || Double.isInfinite(primary.getScore())) {
                    throw new IllegalStateException(method + " kernel gave " + primary.getScore() + " " + primary.getScoreUnit());
                }
                return r;
            }
        }
        throw new IllegalStateException("no result for the " + method + " kernel");
    }

    /** Each fork's score, in the order run. */
    private static List<Double> forkScores(RunResult result) {
        return result.getBenchmarkResults().stream().map(b -> b.getPrimaryResult().getScore()).toList();
    }
}
