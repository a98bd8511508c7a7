package corescale.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs benchmarks through JMH in one real forked JVM, briefly: enough to see that they work and
 * produce sane numbers, never enough to judge their speed.
 */
public final class JmhForkRun {

    private JmhForkRun() {
    }

    /**
     * Options for one fork with one warm-up and two measured iterations of {@code iterationMs};
     * callers add what their benchmarks need (JVM arguments, operations per invocation).
     *
     * @param includeRegex JMH include pattern, e.g. {@code Counters.increment}
     * @param threads      JMH worker threads
     * @param params       parameter values to run, each key with one or more values
     */
    public static ChainedOptionsBuilder options(String includeRegex, int threads, Map<String, String[]> params,
                                                int iterationMs) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(includeRegex)
                .forks(1)
                .threads(threads)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(iterationMs))
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(iterationMs))
                .shouldFailOnError(true)
                .shouldDoGC(false)
                .timeout(TimeValue.seconds(60));
        params.forEach(options::param);
        return options;
    }

    public static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    /** Every measured iteration of every fork, in order. */
    public static List<IterationResult> iterations(RunResult run) {
        List<IterationResult> all = new ArrayList<>();
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
            all.addAll(fork.getIterationResults());
        }
        return all;
    }
}
