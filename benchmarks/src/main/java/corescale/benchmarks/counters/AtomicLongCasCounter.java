package corescale.benchmarks.counters;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Optimistic update: read, do the inside work, compare-and-set; when another thread changed the
 * value meanwhile, redo the work from the new value. Each committed increment used a value no one
 * else changed between its read and its write, as under a lock, so it counts as guarded. Like
 * {@link AtomicLongCounter}, the counter is the {@code AtomicLong} itself.
 */
final class AtomicLongCasCounter extends AtomicLong implements SharedCounter {
    private final Spacer spacer;
    @SuppressWarnings("unused")
    private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15; // 128 bytes after the value

    private AtomicLongCasCounter(Spacer spacer) {
        this.spacer = spacer;
    }

    static AtomicLongCasCounter create() {
        return Hot.atomic(AtomicLongCasCounter::new);
    }

    @Override
    public void increment(long work) {
        long v;
        do {
            v = get();
            SharedCounter.work(work);
        } while (!compareAndSet(v, v + 1));
    }

    @Override
    public long value() {
        return get();
    }

    @Override
    public boolean excludes(long workInside) {
        return true;
    }
}
