package corescale.benchmarks.processcounters;

import java.util.stream.Collectors;

/**
 * Stands in for a JMH fork that dies: starts the workers of one variant, releases them and leaves
 * them running, prints the workers' pids on one line, then waits to be killed (by {@link ProcessCountersIT}).
 */
public final class ForkThatGetsKilled {

    private ForkThatGetsKilled() {
    }

    public static void main(String[] args) throws Exception {
        CounterWorkers workers = CounterWorkers.start(ProcessVariant.of(args[0]), 2, 0, 0);
        workers.startIteration();
        workers.awaitIncrements(1000);
        System.out.println(workers.pids().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(120_000);
    }
}
