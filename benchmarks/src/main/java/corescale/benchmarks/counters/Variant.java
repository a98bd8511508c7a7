package corescale.benchmarks.counters;

import java.util.function.IntFunction;

/**
 * The ways to guard a shared counter that the counters family compares, by the name used in
 * {@code @Param}, results and reports. Each makes a fresh counter; {@code threads} is needed only
 * by {@code semaphorePermits}.
 */
enum Variant {

    /** An intrinsic monitor: a {@code synchronized} method. */
    synchronizedBlock("synchronized", threads -> SynchronizedCounter.create()),
    reentrantLock("reentrantLock", threads -> new LockCounter(false)),
    reentrantLockFair("reentrantLockFair", threads -> new LockCounter(true)),
    /** A binary semaphore (one permit, unfair) used as a mutex. */
    semaphore("semaphore", threads -> new SemaphoreCounter(1, false)),
    semaphoreFair("semaphoreFair", threads -> new SemaphoreCounter(1, true)),
    /**
     * A semaphore with as many permits as threads: the textbook "semaphore counter" that does NOT
     * exclude. Every thread gets a permit at once, so increments race and are lost. It is here to
     * show that, not as a contender.
     */
    semaphorePermits("semaphorePermits", threads -> new SemaphoreCounter(threads, false)),
    stampedLock("stampedLock", threads -> new StampedCounter()),
    atomicLong("atomicLong", threads -> AtomicLongCounter.create()),
    atomicLongCas("atomicLongCas", threads -> AtomicLongCasCounter.create()),
    longAdder("longAdder", threads -> new LongAdderCounter());

    /** The name used in {@code @Param}, results and reports. */
    final String label;
    private final IntFunction<SharedCounter> factory;

    Variant(String label, IntFunction<SharedCounter> factory) {
        this.label = label;
        this.factory = factory;
    }

    SharedCounter create(int threads) {
        return factory.apply(threads);
    }

    static Variant of(String label) {
        for (Variant v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown counters variant '" + label + "'");
    }
}
