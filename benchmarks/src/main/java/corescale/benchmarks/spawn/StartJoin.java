package corescale.benchmarks.spawn;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import corescale.benchmarks.WarmupNeeded;
import corescale.benchmarks.exec.Banner;
import corescale.benchmarks.exec.Batches;
import corescale.benchmarks.exec.Deadlines;
import corescale.benchmarks.exec.ExecTrace;
import corescale.benchmarks.exec.WorkerProcess;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Threads;
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
 * What it costs to start one unit of concurrency and wait for it to finish, one at a time: the
 * latency of "run this elsewhere and give me the answer" for a task too small to matter. Average time
 * per unit (µs), start to result.
 *
 * <ul>
 * <li>{@code platformThread}: {@code new Thread(r).start()}, then wait for its result (a latch it counts down).</li>
 * <li>{@code virtualThread}: {@code Thread.startVirtualThread(r)}, then wait for its result.</li>
 * <li>{@code process}: {@link ProcessBuilder#start()} of a trivial native command ({@code /bin/true}),
 *     output discarded, then {@code waitFor}; exit code checked.</li>
 * <li>{@code cfCommonPool}: {@code CompletableFuture.supplyAsync(s).get()} without an executor: the
 *     common pool; up to JDK 24 a new thread per task when its parallelism is below 2 (1-2 CPUs; see the
 *     {@code common_pool_async_uses_new_thread} fact).</li>
 * <li>{@code cfVirtualExecutor}: {@code supplyAsync(s, newVirtualThreadPerTaskExecutor()).get()}.</li>
 * <li>{@code jvmWorker}: start a child JVM running this jar's worker main, wait until it says it is
 *     ready, tell it to exit, wait for it: the start-up cost that the cpu and io families pay once per
 *     trial for their worker processes, reported here rather than hidden in their setup.</li>
 * </ul>
 * A fair model of per-request spawning (a thread, a process, an async task per event) when the work
 * itself is trivial; not of what a unit costs once running (see the cpu and io families).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
// One JMH thread: the benchmark runs its own batch of concurrent work; the sweep varies cores.
@Threads(1)
// Forks warmed up 200 ms at one core: the first three measured iterations 33%, 19% and 4% slower than
// the later ones (24 forks); after 1 s still 13%, 5%, 7% and 3% (24 forks). 1.6 s.
@WarmupNeeded(millis = 1600)
public class StartJoin {

    @Param({"platformThread", "virtualThread", "process", "cfCommonPool", "cfVirtualExecutor", "jvmWorker"})
    public String variant;

    private Unit unit;
    private ExecutorService virtualExecutor;

    @FunctionalInterface
    private interface Unit {
        long startAndJoin(long seed) throws Exception;
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        if (params.getOpsPerInvocation() != 1) {
            throw new IllegalArgumentException("StartJoin measures one unit per operation; run it without -opi ("
                    + params.getOpsPerInvocation() + " given), as a run of its own");
        }
        Banner.printFactsOnce();
        unit = switch (variant) {
            case "platformThread" -> seed -> Batches.threadPerTask(false, 1, i -> seed + i);
            case "virtualThread" -> seed -> Batches.threadPerTask(true, 1, i -> seed + i);
            case "process" -> {
                ProcessBuilder pb = Batches.trivialProcess(); // fails here, clearly, if there is no /bin/true
                yield seed -> Batches.processes(pb, 1) + seed;
            }
            case "cfCommonPool" -> seed -> Deadlines.get(CompletableFuture.supplyAsync(() -> seed + 1),
                    Deadlines.batchDeadline(), () -> "supplyAsync on the default async pool");
            case "cfVirtualExecutor" -> {
                virtualExecutor = Executors.newVirtualThreadPerTaskExecutor();
                ExecutorService executor = virtualExecutor;
                yield seed -> Deadlines.get(CompletableFuture.supplyAsync(() -> seed + 1, executor),
                        Deadlines.batchDeadline(), () -> "supplyAsync on a virtual-thread-per-task executor");
            }
            case "jvmWorker" -> seed -> {
                WorkerProcess worker = WorkerProcess.start("spawn-jvm");
                worker.close();
                int code = worker.exitCode();
                if (code != 0) {
                    throw new IllegalStateException("worker JVM exited with code " + code);
                }
                return seed + code;
            };
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    private final AtomicLong seeds = new AtomicLong();

    @Benchmark
    public long startJoin(OneAtATime facts) throws Exception {
        return unit.startAndJoin(seeds.getAndIncrement());
    }

    /**
     * Secondary metric: one unit in flight per JMH thread, by construction. It tells the statistics
     * that this is a latency, not a scaling curve (no speedup or efficiency for it).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class OneAtATime {
        public long concurrency;

        @TearDown(Level.Iteration)
        public void report() {
            concurrency = 1; // JMH zeroes aux counters as an iteration starts
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Batches.shutdown(virtualExecutor, "the virtual-thread-per-task executor");
        ExecTrace.recordLeftoverThreads("spawn.StartJoin " + variant);
    }
}
