package corescale.benchmarks.processcounters;

import java.io.IOException;
import java.nio.channels.FileLock;

import org.openjdk.jmh.infra.Blackhole;

/**
 * One increment of the shared counter, as each variant makes it in a worker process, with
 * {@code workInside} Blackhole tokens spent between the read and the write. The counter is read
 * with acquire and written with release ordering: on x86 plain moves, but the JIT may neither keep
 * it in a register across the guard nor fold a loop of increments into one add.
 */
@FunctionalInterface
interface Increments {

    void increment(long workInside) throws IOException;

    /** Spends {@code work} tokens of CPU time the JIT cannot remove. */
    static void work(long work) {
        if (work > 0) {
            Blackhole.consumeCPU(work);
        }
    }

    /** The variant's increment on {@code mapping}; {@code semaphore} only for the POSIX variants. */
    static Increments of(ProcessVariant variant, SharedMapping mapping, PosixSemaphores.Semaphore semaphore) {
        return switch (variant) {
            case fileLock -> work -> {
                FileLock lock = mapping.channel().lock(SharedMapping.offset(SharedMapping.COUNTER), Long.BYTES, false);
                try {
                    readWorkWrite(mapping, work);
                } finally {
                    lock.release();
                }
            };
            case posixSemaphore, posixSemaphorePermits -> work -> {
                semaphore.acquire();
                try {
                    readWorkWrite(mapping, work);
                } finally {
                    semaphore.release();
                }
            };
            case spinLock -> work -> {
                spinLock(mapping);
                try {
                    readWorkWrite(mapping, work);
                } finally {
                    mapping.set(SharedMapping.SPIN, 0);
                }
            };
            case atomicAdd -> work -> {
                // as the threads family's atomicLong: nothing to guard, so the inside work comes first
                work(work);
                mapping.getAndAdd(SharedMapping.COUNTER, 1);
            };
            case unguarded -> work -> {
                long v = mapping.getOpaque(SharedMapping.COUNTER);
                work(work);
                mapping.setOpaque(SharedMapping.COUNTER, v + 1);
            };
        };
    }

    private static void readWorkWrite(SharedMapping mapping, long work) {
        long v = mapping.get(SharedMapping.COUNTER);
        work(work);
        mapping.set(SharedMapping.COUNTER, v + 1);
    }

    /**
     * Test-and-test-and-set: CAS when the word reads free; while it is held, spin on reads (which stay
     * in the local cache) and, after a while, yield, since the holder may be a preempted process.
     */
    private static void spinLock(SharedMapping mapping) {
        int spins = 0;
        while (!mapping.compareAndSet(SharedMapping.SPIN, 0, 1)) {
            do {
                if (++spins > 100) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            } while (mapping.getOpaque(SharedMapping.SPIN) != 0);
        }
    }
}
