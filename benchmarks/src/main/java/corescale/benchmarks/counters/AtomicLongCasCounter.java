package corescale.benchmarks.counters;

/**
 * Optimistic update: read, do the inside work, compare-and-set; when another thread changed the
 * value meanwhile, redo the work from the new value. Each committed increment used a value no one
 * else changed between its read and its write, as under a lock, so it counts as guarded.
 */
final class AtomicLongCasCounter extends Hot.Atomic {
    @SuppressWarnings("unused")
    private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15; // 128 bytes after the value

    private AtomicLongCasCounter(Spacer spacer) {
        super(spacer);
    }

    static AtomicLongCasCounter create() {
        return Hot.between(AtomicLongCasCounter::new);
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
    public boolean excludes(long workInside) {
        return true;
    }
}
