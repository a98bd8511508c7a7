package corescale.benchmarks.counters;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code AtomicLong.getAndIncrement()}, what Java code usually writes: one atomic add that always
 * succeeds. The inside work runs before it, unguarded (as for {@code LongAdder}).
 *
 * <p>The counter is the {@code AtomicLong} itself (a subclass, padded after its value; see
 * {@link Hot#atomic}), not a holder of one: reaching the value through a holder's field added a
 * dependent load to every increment, which cost atomicLong 13% over its bare twin at one thread
 * on an AMD EPYC (issue 31).
 */
final class AtomicLongCounter extends AtomicLong implements SharedCounter {
    private final Spacer spacer;
    @SuppressWarnings("unused")
    private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15; // 128 bytes after the value

    private AtomicLongCounter(Spacer spacer) {
        this.spacer = spacer;
    }

    static AtomicLongCounter create() {
        return Hot.atomic(AtomicLongCounter::new);
    }

    @Override
    public void increment(long work) {
        SharedCounter.work(work);
        getAndIncrement();
    }

    @Override
    public long value() {
        return get();
    }

    @Override
    public boolean excludes(long workInside) {
        return workInside == 0;
    }
}
