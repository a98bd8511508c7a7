package corescale.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import corescale.sweep.Progress;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What a plain-JMH command line will run, said before it starts: the benchmark runs (benchmark ×
 * mode × parameter combination, as JMH's runner expands them), their forks, and the time their
 * iterations take by the options, then the benchmark's annotations, then JMH's defaults. A lower
 * bound: starting each fork and the setup and teardown around iterations come on top.
 *
 * @param runs       benchmark runs, one per benchmark, mode and parameter combination
 * @param forks      forks over all runs, warm-up forks included (0: JMH runs them in its own JVM)
 * @param iterationTime the time of all their iterations; single-shot iterations count as none
 */
record JmhEstimate(int runs, int forks, Duration iterationTime) {

    /** The estimate for {@code options}; empty when the line lists, prints help, or runs nothing. */
    static Optional<JmhEstimate> of(CommandLineOptions options) {
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                || options.shouldListProfilers() || options.shouldListResultFormats()) {
            return Optional.empty();
        }
        List<String> includes = options.getIncludes().isEmpty() ? List.of(Defaults.INCLUDE_BENCHMARKS) : options.getIncludes();
        var silent = OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT);
        int runs = 0;
        int forks = 0;
        Duration iterationTime = Duration.ZERO;
        // One run per benchmark and mode, as JMH's runner takes them: with -bm a benchmark listed in two modes runs once per mode given.
        Map<String, Set<Mode>> seen = new HashMap<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(silent, includes, options.getExcludes())) {
            int combinations = combinations(entry, options);
            for (Mode mode : modes(entry, options)) {
                if (!seen.computeIfAbsent(entry.getUsername(), u -> new HashSet<>()).add(mode)) {
                    continue;
                }
                int measured = options.getForkCount().orElse(entry.getForks().orElse(Defaults.MEASUREMENT_FORKS));
                int warmup = options.getWarmupForkCount().orElse(entry.getWarmupForks().orElse(Defaults.WARMUP_FORKS));
                // A fork count of 0 runs each benchmark once in JMH's own JVM (its warm-up forks are then skipped).
                int passes = measured == 0 ? 1 : measured + warmup;
                runs += combinations;
                forks += measured == 0 ? 0 : combinations * passes;
                iterationTime = iterationTime.plus(perFork(entry, options, mode).multipliedBy((long) combinations * passes));
            }
        }
        return runs == 0 ? Optional.empty() : Optional.of(new JmhEstimate(runs, forks, iterationTime));
    }

    /** One line: "{runs} benchmark runs in {forks} forks, at least {time} of iterations". */
    String describe() {
        return runs + " benchmark run" + (runs == 1 ? "" : "s") + " in " + (forks == 0 ? "JMH's own JVM" : forks + " fork" + (forks == 1 ? "" : "s"))
                + ", at least " + (iterationTime.toSeconds() < 1 ? "a fraction of a second" : Progress.format(iterationTime))
                + " of iterations (forks' start-up on top)";
    }

    /** The modes JMH runs the entry in: the options' modes over the annotation's, All expanded. */
    private static List<Mode> modes(BenchmarkListEntry entry, CommandLineOptions options) {
        Collection<Mode> given = options.getBenchModes().isEmpty() ? List.of(entry.getMode()) : options.getBenchModes();
        List<Mode> out = new ArrayList<>();
        for (Mode m : given) {
            if (m == Mode.All) {
                out.addAll(List.of(Mode.Throughput, Mode.AverageTime, Mode.SampleTime, Mode.SingleShotTime));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    /** The product of the parameters' value counts, each from {@code -p} where given, else the annotation. */
    private static int combinations(BenchmarkListEntry entry, CommandLineOptions options) {
        int product = 1;
        for (Map.Entry<String, String[]> param : entry.getParams().orElse(Map.of()).entrySet()) {
            product *= options.getParameter(param.getKey()).orElse(List.of(param.getValue())).size();
        }
        return product;
    }

    /** One fork's warm-up and measured iterations; none for single-shot iterations (one invocation each). */
    private static Duration perFork(BenchmarkListEntry entry, CommandLineOptions options, Mode mode) {
        if (mode == Mode.SingleShotTime) {
            return Duration.ZERO;
        }
        int warmups = options.getWarmupIterations().orElse(entry.getWarmupIterations().orElse(Defaults.WARMUP_ITERATIONS));
        int measured = options.getMeasurementIterations().orElse(entry.getMeasurementIterations().orElse(Defaults.MEASUREMENT_ITERATIONS));
        TimeValue warmupTime = options.getWarmupTime().orElse(entry.getWarmupTime().orElse(Defaults.WARMUP_TIME));
        TimeValue measuredTime = options.getMeasurementTime().orElse(entry.getMeasurementTime().orElse(Defaults.MEASUREMENT_TIME));
        return nanos(warmupTime).multipliedBy(warmups).plus(nanos(measuredTime).multipliedBy(measured));
    }

    private static Duration nanos(TimeValue t) {
        return Duration.ofNanos(t.convertTo(java.util.concurrent.TimeUnit.NANOSECONDS));
    }
}
