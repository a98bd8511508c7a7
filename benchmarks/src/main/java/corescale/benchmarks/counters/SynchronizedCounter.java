package corescale.benchmarks.counters;

/**
 * An intrinsic monitor: {@code synchronized} on this object, whose header (mark word) is the lock
 * word; the value is 128 bytes further on ({@link LeftPadding}), then 128 bytes of tail padding.
 * The header is written by every lock and unlock until contention inflates the monitor, so the
 * counter is allocated right after a {@link Spacer}'s first array ({@link #create}): no other
 * object's last bytes share its line pair, as allocated.
 */
final class SynchronizedCounter extends Hot.Value implements SharedCounter {
    @SuppressWarnings("unused")
    private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15; // 128 bytes after the hot fields
    /** Keeps the arrays around this counter reachable. */
    private final Spacer spacer;

    private SynchronizedCounter(Spacer spacer) {
        this.spacer = spacer;
    }

    static SynchronizedCounter create() {
        return Hot.between(SynchronizedCounter::new);
    }

    @Override
    public synchronized void increment(long work) {
        long v = value;
        SharedCounter.work(work);
        value = v + 1;
    }

    @Override
    public synchronized long value() {
        return value;
    }

    @Override
    public boolean excludes(long workInside) {
        return true;
    }
}
