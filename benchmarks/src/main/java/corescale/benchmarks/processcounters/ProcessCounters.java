package corescale.benchmarks.processcounters;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import corescale.benchmarks.ParamLimit;
import corescale.benchmarks.WarmupNeeded;
import corescale.benchmarks.exec.Banner;
import corescale.benchmarks.exec.Batches;
import corescale.benchmarks.exec.ExecTrace;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Throughput of increments on one counter shared by worker <em>processes</em>: the counters family
 * across process boundaries, as with Python's {@code multiprocessing.Lock} and {@code Semaphore}.
 *
 * <p>P = {@code processesPerCore} × cores worker JVMs ({@link CounterWorkerMain}) are started at
 * trial setup and stopped at teardown. The counter and the words that coordinate them live in a
 * shared memory-mapped file ({@link SharedMapping}, each word on its own 128-byte region). The
 * workers are released at an iteration's first operation and increment, each with {@code workOutside}
 * tokens before each increment and {@code workInside} between its read and its write, until the
 * iteration ends: like Python's workers in a loop, they never wait for each other or for the
 * benchmark. One operation is K increments made by all of them together: the benchmark thread
 * sleeps and reads their tallies every millisecond ({@link CounterWorkers#POLL_NANOS}). The score is
 * increments per µs over all processes ({@code @OperationsPerInvocation(K)}).
 *
 * <p>Correctness is measured as in the counters family: after each iteration, once the workers have
 * stopped, the counter is compared with the increments they made; the difference is the secondary metric {@code lost_updates}.
 * {@code unguarded} counts the increments that were not one exclusive step (as in counters), so that
 * the report never ranks a variant that does not guard the inside work.
 * {@code posixSemaphorePermits} (P permits: excludes nothing) and {@code unguarded} lose updates;
 * the others must report 0.
 *
 * <p>The POSIX variants need a JDK 22+ (see {@link PosixSemaphores}); the sweep leaves them out on a
 * JDK 21, and run directly they fail at setup with that reason.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(ProcessCounters.K)
// One JMH thread: the concurrency is in the worker processes; the sweep varies the cores.
@Threads(1)
// The fork creates and unlinks the POSIX semaphore through the FFM API: no "restricted method" warning.
@Fork(jvmArgsPrepend = "--enable-native-access=ALL-UNNAMED")
// Forks warmed up 200 ms at one core: with workers released per batch, the first four measured
// iterations 16%, 10%, 3% and 4% below the later ones, within 1.5% after 1 s (24 forks); with free-running
// workers the first 18% below for atomicAdd and fileLock, the next within 1-3% (12 forks each); kept.
@WarmupNeeded(millis = 1000)
public class ProcessCounters {

    /** Increments per operation, over all workers. */
    static final int K = 20_000;

    @Param({"fileLock", "posixSemaphore", "posixSemaphorePermits", "spinLock", "atomicAdd", "unguarded"})
    public String variant;

    /** Blackhole tokens spent inside the critical section, between the read and the write. */
    @Param({"0", "50"})
    public long workInside;

    /** Blackhole tokens spent by each worker outside the critical section, per increment. */
    @Param({"0", "500"})
    public long workOutside;

    /** Worker processes per core: 1 (P = cores) and 2 (oversubscribed, P = 2 × cores). */
    @Param({"1", "2"})
    public int processesPerCore;

    private CounterWorkers workers;

    /** Why {@code variant} cannot run on this JVM (the POSIX ones on a JDK 21), or empty. */
    public static Optional<String> unavailable(String variant) {
        return ProcessVariant.of(variant).usesPosixSemaphore() ? PosixSemaphores.unavailable() : Optional.empty();
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        Batches.checkOpsPerInvocation(params.getOpsPerInvocation(), K);
        ParamLimit.check("processesPerCore", processesPerCore);
        ParamLimit.check("workInside", workInside);
        ParamLimit.check("workOutside", workOutside);
        unavailable(variant).ifPresent(why -> {
            throw new IllegalStateException(variant + " cannot run here: " + why);
        });
        Banner.printFactsOnce();
        workers = CounterWorkers.start(ProcessVariant.of(variant), processesPerCore * Runtime.getRuntime().availableProcessors(),
                workInside, workOutside);
        Banner.note("processcounters " + variant + ": " + workers.describeStartup());
    }

    @Benchmark
    public void increment(Lost lost) throws Exception {
        workers.awaitIncrements(K);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (workers != null) {
            workers.close();
        }
        ExecTrace.recordLeftoverThreads("processcounters.ProcessCounters " + variant);
    }

    /**
     * The secondary metric, as in the counters family: JMH reports the public fields of an
     * {@code @AuxCounters} state, here the one benchmark thread's.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Lost {

        /** Increments missing from the counter at the end of the iteration. */
        public long lost_updates;

        /** Increments whose read, inside work and write were not one exclusive step, as in counters. */
        public long unguarded;

        @Setup(Level.Iteration)
        public void start(ProcessCounters shared) {
            lost_updates = 0;
            unguarded = 0;
            shared.workers.startIteration();
        }

        /** Stops the workers first: they run until told, and the count must be final. */
        @TearDown(Level.Iteration)
        public void check(ProcessCounters shared) throws Exception {
            CounterWorkers w = shared.workers;
            w.stopIteration();
            unguarded = ProcessVariant.of(shared.variant).excludes(shared.workInside, w.processes()) ? 0 : w.madeThisIteration();
            lost_updates = w.lostThisIteration();
        }
    }
}
