package corescale.benchmarks.counters;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * The nine ways to guard a shared counter that the counters family compares. Each makes a fresh
 * counter; {@code threads} is needed only by {@link #semaphorePermits}.
 */
enum Variant {

    /** An intrinsic monitor: {@code synchronized} block. */
    synchronizedBlock("synchronized") {
        @Override
        SharedCounter create(int threads) {
            return new SharedCounter() {
                private final Object monitor = new Object();
                private long value;

                @Override
                public void increment(long work) {
                    synchronized (monitor) {
                        long v = value;
                        SharedCounter.work(work);
                        value = v + 1;
                    }
                }

                @Override
                public long value() {
                    synchronized (monitor) {
                        return value;
                    }
                }
            };
        }
    },
    reentrantLock("reentrantLock") {
        @Override
        SharedCounter create(int threads) {
            return new LockCounter(new ReentrantLock(false));
        }
    },
    reentrantLockFair("reentrantLockFair") {
        @Override
        SharedCounter create(int threads) {
            return new LockCounter(new ReentrantLock(true));
        }
    },
    /** A binary semaphore (one permit, unfair) used as a mutex. */
    semaphore("semaphore") {
        @Override
        SharedCounter create(int threads) {
            return new SemaphoreCounter(new Semaphore(1, false));
        }
    },
    semaphoreFair("semaphoreFair") {
        @Override
        SharedCounter create(int threads) {
            return new SemaphoreCounter(new Semaphore(1, true));
        }
    },
    /**
     * A semaphore with as many permits as threads: the textbook "semaphore counter" that does NOT
     * exclude. Every thread gets a permit at once, so increments race and are lost. It is here to
     * show that, not as a contender.
     */
    semaphorePermits("semaphorePermits") {
        @Override
        SharedCounter create(int threads) {
            return new SemaphoreCounter(new Semaphore(threads, false));
        }
    },
    /** StampedLock's write lock (not reentrant, no fairness). */
    stampedLock("stampedLock") {
        @Override
        SharedCounter create(int threads) {
            return new SharedCounter() {
                private final StampedLock lock = new StampedLock();
                private long value;

                @Override
                public void increment(long work) {
                    long stamp = lock.writeLock();
                    try {
                        long v = value;
                        SharedCounter.work(work);
                        value = v + 1;
                    } finally {
                        lock.unlockWrite(stamp);
                    }
                }

                @Override
                public long value() {
                    long stamp = lock.readLock();
                    try {
                        return value;
                    } finally {
                        lock.unlockRead(stamp);
                    }
                }
            };
        }
    },
    /**
     * Lock-free compare-and-set loop: the work "inside" happens between the read and the CAS, and
     * is redone when another thread won the race, which is what optimistic updates cost.
     */
    atomicLong("atomicLong") {
        @Override
        SharedCounter create(int threads) {
            return new SharedCounter() {
                private final AtomicLong value = new AtomicLong();

                @Override
                public void increment(long work) {
                    long v;
                    do {
                        v = value.get();
                        SharedCounter.work(work);
                    } while (!value.compareAndSet(v, v + 1));
                }

                @Override
                public long value() {
                    return value.get();
                }
            };
        }
    },
    /**
     * Striped adder: no critical section at all, so the "inside" work runs unguarded; the sum is
     * exact once writers stop.
     */
    longAdder("longAdder") {
        @Override
        SharedCounter create(int threads) {
            return new SharedCounter() {
                private final LongAdder value = new LongAdder();

                @Override
                public void increment(long work) {
                    SharedCounter.work(work);
                    value.increment();
                }

                @Override
                public long value() {
                    return value.sum();
                }
            };
        }
    };

    /** The name used in {@code @Param}, results and reports. */
    final String label;

    Variant(String label) {
        this.label = label;
    }

    abstract SharedCounter create(int threads);

    static Variant of(String label) {
        for (Variant v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown counters variant '" + label + "'");
    }

    /** Guards the read-modify-write with a {@link java.util.concurrent.locks.Lock}. */
    private static final class LockCounter implements SharedCounter {
        private final ReentrantLock lock;
        private long value;

        LockCounter(ReentrantLock lock) {
            this.lock = lock;
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
    }

    /** Guards the read-modify-write with a semaphore's permits. */
    private static final class SemaphoreCounter implements SharedCounter {
        private final Semaphore permits;
        private long value;

        SemaphoreCounter(Semaphore permits) {
            this.permits = permits;
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
            // Read after JMH joined the worker threads, which orders every write before this read.
            return value;
        }
    }
}
