package corescale.benchmarks.counters;

import java.util.concurrent.locks.ReentrantLock;

/** {@code ReentrantLock}, fair or not, around the read, the inside work and the write. */
final class LockCounter extends Hot.Locked implements SharedCounter {
    @SuppressWarnings("unused")
    private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15; // 128 bytes after the hot fields
    /** Never read: takes the hole before the value that compact object headers leave, so the guard cannot (see {@link LeftPadding}). */
    @SuppressWarnings("unused")
    private int hole;
    /** Read on every increment, written never: after the padding, a line pair from the value (see {@link LeftPadding}). */
    private final ReentrantLock lock;
    /** Keeps the arrays around the guard reachable. */
    private final Spacer spacer;

    LockCounter(boolean fair) {
        spacer = new Spacer();
        lock = new ReentrantLock(fair);
        spacer.close();
    }

    @Override
    public void increment(long work) {
        lock.lock();
        try {
            long v = value;
            SharedCounter.work(work);
            value = v + 1;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long value() {
        lock.lock();
        try {
            return value;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean excludes(long workInside) {
        return true;
    }
}
