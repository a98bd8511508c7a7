package corescale.benchmarks.spawn;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import corescale.benchmarks.ParamLimit;
import corescale.benchmarks.WarmupNeeded;
import corescale.benchmarks.exec.Banner;
import corescale.benchmarks.exec.Batches;
import corescale.benchmarks.exec.ExecTrace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The batch form of {@link StartJoin}: K units of concurrency started at once, then one wait for the last.
 * Average time per unit (µs): one operation is the whole batch, counted as K units
 * ({@code @OperationsPerInvocation(K)}). Variants as in {@link StartJoin}:
 * {@code platformThread}, {@code virtualThread}, {@code process} (K {@code /bin/true} at once),
 * {@code cfCommonPool} ({@code supplyAsync} without executor, then {@code allOf}) and
 * {@code cfVirtualExecutor}.
 *
 * <p>A fair model of fan-out: "start this many things now, then wait for them all", where start-up
 * costs overlap and the scheduler, the process table or the thread stacks are under load; not of
 * sustained throughput (see the cpu family).
 *
 * <p>{@code k} is 100 by default; another k must be run with the same JMH operations per invocation,
 * {@code -p k=N -opi N}, or setup fails (the score would otherwise be per batch, not per unit).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(StartJoinBatch.K)
@State(Scope.Benchmark)
// One JMH thread: the benchmark runs its own batch of concurrent work; the sweep varies cores.
@Threads(1)
// Forks warmed up 200 ms at one core: the first three measured iterations 4.6, 3.5 and 1.4 times as
// slow as the later ones (20 forks); after 1 s 10% and 6% slow, then within 2%. 1.6 s, as StartJoin.
@WarmupNeeded(millis = 1600)
public class StartJoinBatch {

    static final int K = 100;

    @Param({"platformThread", "virtualThread", "process", "cfCommonPool", "cfVirtualExecutor"})
    public String variant;

    /** Units per batch; must equal JMH's operations per invocation. */
    @Param({"100"})
    public int k;

    private Batch batch;
    private ExecutorService virtualExecutor;
    private final AtomicLong seeds = new AtomicLong();

    @FunctionalInterface
    private interface Batch {
        long run(long seed, int k) throws Exception;
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        ParamLimit.check("k", k);
        Batches.checkOpsPerInvocation(params.getOpsPerInvocation(), k);
        Banner.printFactsOnce();
        batch = switch (variant) {
            case "platformThread" -> (seed, n) -> Batches.threadPerTask(false, n, i -> seed + i);
            case "virtualThread" -> (seed, n) -> Batches.threadPerTask(true, n, i -> seed + i);
            case "process" -> {
                ProcessBuilder pb = Batches.trivialProcess();
                yield (seed, n) -> Batches.processes(pb, n) + seed;
            }
            case "cfCommonPool" -> (seed, n) -> Batches.completableFutures(null, n, i -> seed + i);
            case "cfVirtualExecutor" -> {
                virtualExecutor = Executors.newVirtualThreadPerTaskExecutor();
                ExecutorService executor = virtualExecutor;
                yield (seed, n) -> Batches.completableFutures(executor, n, i -> seed + i);
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    @Benchmark
    public long startJoinAll() throws Exception {
        return batch.run(seeds.getAndAdd(k), k);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Batches.shutdown(virtualExecutor, "the virtual-thread-per-task executor");
        ExecTrace.recordLeftoverThreads("spawn.StartJoinBatch " + variant);
    }
}
