package corescale.benchmarks.counters;

/**
 * {@code LongAdder.increment()}: striped cells (padded by the JDK with {@code @Contended}), no
 * critical section; the inside work runs before it, unguarded. The sum is exact once writers stop.
 */
final class LongAdderCounter extends Hot.Adder implements SharedCounter {
    @SuppressWarnings("unused")
    private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15; // 128 bytes after the hot fields

    @Override
    public void increment(long work) {
        SharedCounter.work(work);
        value.increment();
    }

    @Override
    public long value() {
        return value.sum();
    }

    @Override
    public boolean excludes(long workInside) {
        return workInside == 0;
    }
}
