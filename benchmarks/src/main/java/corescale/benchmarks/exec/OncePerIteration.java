package corescale.benchmarks.exec;

/**
 * JMH sums an {@code @AuxCounters(EVENTS)} value over the benchmark's threads. A value that belongs
 * to the whole benchmark (a shared pool's size, a ratio over every thread's requests) must therefore
 * be reported by one thread per iteration and be 0 in the others: the first to {@link #take()} it.
 */
public final class OncePerIteration {

    private boolean taken;

    /** Called at each iteration's start (a {@code Level.Iteration} setup of the shared state). */
    public synchronized void reset() {
        taken = false;
    }

    /** True for the first caller after {@link #reset()}, false for the others. */
    public synchronized boolean take() {
        if (taken) {
            return false;
        }
        taken = true;
        return true;
    }
}
