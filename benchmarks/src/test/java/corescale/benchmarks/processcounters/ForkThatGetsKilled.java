package corescale.benchmarks.processcounters;

/**
 * Stands in for a JMH fork that dies: starts the workers of one variant, releases them and leaves
 * them running, says so on one line, then waits to be killed (by {@link ProcessCountersIT}, which
 * finds the workers as this process's children).
 */
public final class ForkThatGetsKilled {

    /** The line printed once the workers run. */
    static final String RUNNING = "workers running";

    private ForkThatGetsKilled() {
    }

    public static void main(String[] args) throws Exception {
        CounterWorkers workers = CounterWorkers.start(ProcessVariant.of(args[0]), 2, 0, 0);
        workers.startIteration();
        workers.awaitIncrements(1000);
        System.out.println(RUNNING);
        System.out.flush();
        Thread.sleep(120_000);
    }
}
