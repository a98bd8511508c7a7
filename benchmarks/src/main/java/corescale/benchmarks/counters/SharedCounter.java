package corescale.benchmarks.counters;

import org.openjdk.jmh.infra.Blackhole;

/**
 * A counter shared by all benchmark threads. {@code increment(work)} is one read-modify-write of
 * the shared value with {@code work} Blackhole tokens spent between the read and the write: the
 * "work inside the critical section". A correct implementation loses no increment.
 */
interface SharedCounter {

    void increment(long work) throws InterruptedException;

    /** The value, read after all threads have stopped (JMH joins them between iterations). */
    long value();

    /** Spends {@code work} tokens of CPU time the JIT cannot remove. */
    static void work(long work) {
        if (work > 0) {
            Blackhole.consumeCPU(work);
        }
    }
}
