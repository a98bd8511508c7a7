package corescale.benchmarks.counters;

import java.util.concurrent.Semaphore;

/**
 * A semaphore's permits around the read, the inside work and the write. With one permit it is a
 * mutex; with one permit per thread it excludes nothing, and updates are lost.
 */
final class SemaphoreCounter extends Hot.Permits implements SharedCounter {
    @SuppressWarnings("unused")
    private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15; // 128 bytes after the hot fields
    /** Read on every increment, written never: after the padding, a line pair from the value (see {@link LeftPadding}). */
    private final Semaphore permits;
    /** Keeps the arrays around the guard reachable. */
    private final Spacer spacer;

    private final boolean mutex;

    SemaphoreCounter(int permits, boolean fair) {
        this.spacer = new Spacer();
        this.permits = new Semaphore(permits, fair);
        this.spacer.close();
        this.mutex = permits == 1;
    }

    @Override
    public void increment(long work) throws InterruptedException {
        permits.acquire();
        try {
            long v = value;
            SharedCounter.work(work);
            value = v + 1;
        } finally {
            permits.release();
        }
    }

    @Override
    public long value() {
        // Read by the check's closing barrier action, which orders every thread's write before this read.
        return value;
    }

    @Override
    public boolean excludes(long workInside) {
        return mutex;
    }
}
