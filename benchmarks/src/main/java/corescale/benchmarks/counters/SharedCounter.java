package corescale.benchmarks.counters;

import org.openjdk.jmh.infra.Blackhole;

/**
 * A counter shared by all benchmark threads. {@code increment(work)} is one read-modify-write of
 * the shared value with {@code work} Blackhole tokens spent between the read and the write: the
 * "work inside the critical section". A correct implementation loses no increment.
 */
interface SharedCounter {

    void increment(long work) throws InterruptedException;

    /** The value, read once no thread increments it (after the check's closing barrier). */
    long value();

    /**
     * Whether the read, {@code workInside} tokens of work and the write take effect as one step
     * that no other thread's increment interleaves with (a lock, or a compare-and-set that redoes
     * the work when it loses). False for an atomic add with the work done before it, and for a
     * semaphore that lets several threads in: such a counter is not ranked against the guarded ones.
     */
    boolean excludes(long workInside);

    /** Spends {@code work} tokens of CPU time the JIT cannot remove. */
    static void work(long work) {
        if (work > 0) {
            Blackhole.consumeCPU(work);
        }
    }
}
