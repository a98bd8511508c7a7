package corescale.benchmarks.counters;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import corescale.benchmarks.ParamLimit;
import corescale.benchmarks.WarmupNeeded;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Throughput of increments on one counter shared by all JMH threads (run with {@code -t N}).
 *
 * <p>Each call spends {@code workOutside} Blackhole tokens privately, then increments the shared
 * counter with {@code workInside} tokens spent between its read and its write. Together they set
 * the contention: (0, 0) is every thread hammering one cache line; a large {@code workOutside}
 * lets threads mostly run in parallel.
 *
 * <p>Correctness is measured, not assumed, but not on the measured path: before each iteration all
 * threads start together and each makes at least {@link #CHECKED_PER_THREAD} increments through this
 * very benchmark method, with the same work, counting them; the counter must then read their sum. The
 * difference is the secondary metric {@code lost_updates} (a total per iteration, reported by one
 * thread). Every variant but {@code semaphorePermits} must report 0. A second metric,
 * {@code unguarded}, counts the checked increments whose read, inside work and write were not one
 * exclusive step ({@link SharedCounter#excludes}): the statistics module reads it to keep such
 * variants out of the rankings, without a list of names of its own. The measured iteration then
 * starts on a fresh counter, as it would without the check.
 *
 * <p>Why not count each thread's increments as it measures (as this class once did): that tally
 * was the only store in C2's loop, and a locked instruction waits for the stores before it to
 * drain, so each {@code lock add} of {@code atomicLong} waited for the previous call's tally.
 * On an Intel Xeon that made atomicLong at 1 thread 1.6× as costly as its bare twin
 * ({@code selftest.BareCounters}) and C1 faster than C2; on an AMD EPYC it cost nothing visible,
 * but the holder's extra load did (see {@link AtomicLongCounter}). {@code selftest.CounterOverhead}
 * checks that each atomic counter and its twin stay within 10%.
 *
 * <p>The counter's hot fields are padded on both sides ({@link LeftPadding}, {@link Spacer}), so
 * their cache-line neighbourhood is the same in every fork; JMH pads this state object itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Forks warmed up 200 ms at one core: the first measured iteration 6% below the later ones and the
// second 3% above (medians over 40 forks of the 10 variants); after 600 ms the first two still 2% and
// 4% low (24 forks). 800 ms.
@WarmupNeeded(millis = 800)
public class Counters {

    /**
     * Increments each thread makes at least in the check before an iteration. At workOutside=500
     * (about 1.3 µs an increment) that takes 1.3-2 ms, about 1% of a 200 ms iteration; at (0, 0) tens
     * of µs, and threads running on two CPUs start within a microsecond of each other (see
     * {@link #startTogether}), so a racy counter races for all of it. But a core each does not mean a
     * CPU each at that moment: the scheduler may leave two woken threads on one CPU, where one ran its
     * share alone before the other began (on a 2-vCPU VM, Intel Xeon, a third to 45% of the checks
     * at 2 threads on 2 cores then lost nothing, each logged with both threads on one CPU). So a
     * thread goes on past its share until every thread has begun ({@link #check}): threads on one CPU
     * then overlap where the scheduler switches between them, as unsynchronized code would.
     */
    static final int CHECKED_PER_THREAD = 1_000;

    /** A thread that never reaches the check (a failure elsewhere) fails the iteration instead of hanging it. */
    static final long CHECK_TIMEOUT_SECONDS = 60;

    @Param({"synchronized", "reentrantLock", "reentrantLockFair", "semaphore", "semaphoreFair",
            "semaphorePermits", "stampedLock", "atomicLong", "atomicLongCas", "longAdder"})
    public String variant;

    /** Blackhole tokens spent inside the critical section, between the read and the write. */
    @Param({"0", "50"})
    public long workInside;

    /** Blackhole tokens spent by each thread outside the critical section, per increment. */
    @Param({"0", "500"})
    public long workOutside;

    private SharedCounter counter;
    private int threads;

    // This iteration's check: the threads that have arrived to start it, where they meet after it
    // (the last to arrive compares and renews the counter), and what it found.
    private AtomicInteger checkArrived;
    private AtomicInteger checkBegun;
    private AtomicLong checkMade;
    private CyclicBarrier checkEnd;
    private long lostInCheck;

    /** Negative work is no work: refused rather than reported under its name ({@link ParamLimit}). */
    @Setup(Level.Trial)
    public void checkParams() {
        ParamLimit.check("workInside", workInside);
        ParamLimit.check("workOutside", workOutside);
    }

    @Setup(Level.Iteration)
    public void freshCounter(BenchmarkParams params) {
        threads = params.getThreads();
        counter = Variant.of(variant).create(threads);
        checkArrived = new AtomicInteger();
        checkBegun = new AtomicInteger();
        checkMade = new AtomicLong();
        checkEnd = new CyclicBarrier(threads, this::compareAndRenew);
    }

    /** {@code check} is here only so that JMH runs its setup and reports its counts; it is not touched. */
    @Benchmark
    public void increment(Check check) throws InterruptedException {
        SharedCounter.work(workOutside);
        counter.increment(workInside);
    }

    /**
     * One thread's share of the check: waits for all, increments {@link #CHECKED_PER_THREAD} times
     * and on until every thread has begun, waits for all again. Going on means that a thread the
     * others could not overlap (they shared its CPU and waited) runs until the scheduler switches
     * it out, at any point of an increment, as a racy counter's users would be switched out. Sets
     * {@code mine.made}; returns the updates lost if this thread was the one that compared (the
     * last to finish), else 0.
     */
    long check(Check mine) throws InterruptedException, BrokenBarrierException, TimeoutException {
        long deadline = startTogether();
        checkBegun.incrementAndGet();
        long made = 0;
        while (made < CHECKED_PER_THREAD || checkBegun.get() < threads) {
            increment(mine);
            made++;
            if ((made & 1023) == 0 && System.nanoTime() - deadline > 0) {
                throw new TimeoutException("counters check: " + checkBegun.get() + " of " + threads
                        + " threads began in " + CHECK_TIMEOUT_SECONDS + " s");
            }
        }
        mine.made = made;
        checkMade.addAndGet(made);
        return checkEnd.await(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS) == 0 ? lostInCheck : 0;
    }

    /**
     * Returns once every thread has arrived. It spins rather than blocks: a blocked thread takes tens
     * of µs to wake, as long as a whole check at (0, 0), so the first released would be done alone.
     * Now and then it yields, so that with more threads than cores the late ones get to run.
     * Returns the check's deadline.
     */
    private long startTogether() throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHECK_TIMEOUT_SECONDS);
        checkArrived.incrementAndGet();
        for (int spins = 1; checkArrived.get() < threads; spins++) {
            if ((spins & 1023) != 0) {
                Thread.onSpinWait();
                continue;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("counters check: " + checkArrived.get() + " of " + threads
                        + " threads arrived in " + CHECK_TIMEOUT_SECONDS + " s");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.yield();
        }
        return deadline;
    }

    /** Run by the last thread to finish the check, before any thread goes on (the barrier's action). */
    private void compareAndRenew() {
        lostInCheck = checkMade.get() - counter.value();
        counter = Variant.of(variant).create(threads);
    }

    /** Of the {@code made} checked increments of a thread, those that were not one exclusive step: all, or none. */
    long unguarded(long made) {
        return counter.excludes(workInside) ? 0 : made;
    }

    /**
     * Each thread's share of the check, and the secondary metrics. JMH sums the public fields of an
     * {@code @AuxCounters} state over threads: {@code lost_updates} is non-zero in one thread only.
     * JMH zeroes them after the iteration's setup and reads them after its teardown, so the check's
     * findings wait in private fields until then.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Check {

        /** Increments missing from the counter after the check. */
        public long lost_updates;

        /** Checked increments whose read, inside work and write were not one exclusive step (summed over threads). */
        public long unguarded;

        private long lost;
        private long unguardedInCheck;
        /** Increments this thread made in this iteration's check. */
        private long made;

        /** Takes the shared state so that JMH has made this iteration's counter and rendezvous first. */
        @Setup(Level.Iteration)
        public void check(Counters shared) throws InterruptedException, BrokenBarrierException, TimeoutException {
            lost = shared.check(this);
            unguardedInCheck = shared.unguarded(made);
        }

        @TearDown(Level.Iteration)
        public void report() {
            lost_updates = lost;
            unguarded = unguardedInCheck;
        }
    }
}
