package corescale.benchmarks.selftest;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each counters primitive written out bare, in the plainest JMH form: the same Blackhole work
 * outside and inside, no counter object, no interface, no per-thread tally. Comparing its score
 * with {@code Counters.increment} of the same variant at 1 thread shows what the counters family's
 * own structure costs per increment (it should cost nothing measurable). Not part of the sweep.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BareCounters {

    @Param("0")
    public long workInside;

    @Param("0")
    public long workOutside;

    private long value;
    private ReentrantLock lock;
    private ReentrantLock fairLock;
    private Semaphore semaphore;
    private Semaphore fairSemaphore;
    private StampedLock stampedLock;
    private AtomicLong atomic;
    private LongAdder adder;

    @Setup
    public void create() {
        lock = new ReentrantLock(false);
        fairLock = new ReentrantLock(true);
        semaphore = new Semaphore(1, false);
        fairSemaphore = new Semaphore(1, true);
        stampedLock = new StampedLock();
        atomic = new AtomicLong();
        adder = new LongAdder();
    }

    private static void work(long tokens) {
        if (tokens > 0) {
            Blackhole.consumeCPU(tokens);
        }
    }

    @Benchmark
    public void synchronizedBlock() {
        work(workOutside);
        synchronized (this) {
            long v = value;
            work(workInside);
            value = v + 1;
        }
    }

    @Benchmark
    public void reentrantLock() {
        locked(lock);
    }

    @Benchmark
    public void reentrantLockFair() {
        locked(fairLock);
    }

    private void locked(ReentrantLock l) {
        work(workOutside);
        l.lock();
        try {
            long v = value;
            work(workInside);
            value = v + 1;
        } finally {
            l.unlock();
        }
    }

    @Benchmark
    public void semaphore() throws InterruptedException {
        permitted(semaphore);
    }

    @Benchmark
    public void semaphoreFair() throws InterruptedException {
        permitted(fairSemaphore);
    }

    private void permitted(Semaphore s) throws InterruptedException {
        work(workOutside);
        s.acquire();
        try {
            long v = value;
            work(workInside);
            value = v + 1;
        } finally {
            s.release();
        }
    }

    @Benchmark
    public void stampedLock() {
        work(workOutside);
        long stamp = stampedLock.writeLock();
        try {
            long v = value;
            work(workInside);
            value = v + 1;
        } finally {
            stampedLock.unlockWrite(stamp);
        }
    }

    @Benchmark
    public void atomicLong() {
        work(workOutside);
        work(workInside);
        atomic.getAndIncrement();
    }

    @Benchmark
    public void atomicLongCas() {
        work(workOutside);
        long v;
        do {
            v = atomic.get();
            work(workInside);
        } while (!atomic.compareAndSet(v, v + 1));
    }

    @Benchmark
    public void longAdder() {
        work(workOutside);
        work(workInside);
        adder.increment();
    }
}
