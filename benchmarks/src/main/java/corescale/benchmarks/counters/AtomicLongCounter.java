package corescale.benchmarks.counters;

/**
 * {@code AtomicLong.getAndIncrement()}, what Java code usually writes: one atomic add that always
 * succeeds. The inside work runs before it, unguarded (as for {@code LongAdder}).
 */
final class AtomicLongCounter extends Hot.Atomic {
    @SuppressWarnings("unused")
    private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15; // 128 bytes after the value

    private AtomicLongCounter(Spacer spacer) {
        super(spacer);
    }

    static AtomicLongCounter create() {
        return Hot.between(AtomicLongCounter::new);
    }

    @Override
    public void increment(long work) {
        SharedCounter.work(work);
        getAndIncrement();
    }

    @Override
    public boolean excludes(long workInside) {
        return workInside == 0;
    }
}
