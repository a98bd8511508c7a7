package corescale.benchmarks.cpu;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import corescale.benchmarks.ParamLimit;
import corescale.benchmarks.WarmupNeeded;
import corescale.benchmarks.exec.Banner;
import corescale.benchmarks.exec.Batches;
import corescale.benchmarks.exec.CpuTask;
import corescale.benchmarks.exec.ExecTrace;
import corescale.benchmarks.exec.OncePerIteration;
import corescale.benchmarks.exec.PoolSize;
import corescale.benchmarks.exec.WorkerPool;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Throughput of CPU-bound work under each execution model: one operation is a batch of K independent
 * tasks ({@link CpuTask}, a fixed ~20 µs of real arithmetic, result summed and returned), all
 * submitted, then one wait for the last ({@link Batches}); the score is tasks per second
 * ({@code @OperationsPerInvocation(K)}). The bound of every model is cores × the {@code sequential}
 * rate at the same core count.
 *
 * <ul>
 * <li>{@code sequential}: the K tasks run inline on the benchmark thread: the floor.</li>
 * <li>{@code fixedPool}: {@code Executors.newFixedThreadPool(pool)} created at trial setup.</li>
 * <li>{@code completableFutureFixedPool}: {@code supplyAsync} per task on that same kind of pool,
 *     then {@code allOf}: the CompletableFuture API apart from the pool's size.</li>
 * <li>{@code threadPerTask}: a new platform thread per task.</li>
 * <li>{@code virtualThreads}: a new virtual thread per task.</li>
 * <li>{@code completableFuture}: {@code supplyAsync} per task without executor, then {@code allOf}:
 *     the common pool (cores − 1 workers); up to JDK 24 a new thread per task when its parallelism
 *     is below 2 (see the {@code common_pool_async_uses_new_thread} fact).</li>
 * <li>{@code processes}: {@code pool} long-lived child worker JVMs (this jar, another main), started
 *     at trial setup; the K tasks go round-robin over their stdin pipes, results come back over their
 *     stdout. Their start-up time is printed at setup and measured by {@code spawn.StartJoin}
 *     {@code jvmWorker}, not included here.</li>
 * </ul>
 * {@code pool} is {@code cores} (the fork's {@code Runtime.availableProcessors()}) unless set. The
 * secondary metric {@code concurrency} is how many tasks the model runs at once at most.
 *
 * <p>{@code k} is 1000 by default; another k must be run with {@code -p k=N -opi N}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CpuBatch.K)
@State(Scope.Benchmark)
// One JMH thread: the benchmark runs its own batch of concurrent work; the sweep varies cores.
@Threads(1)
// Forks warmed up 200 ms at one core: the first measured iteration 22% below the later ones (median
// over 28 forks); after 600 ms within 1.5%.
@WarmupNeeded(millis = 600)
public class CpuBatch {

    static final int K = 1000;

    @Param({"sequential", "fixedPool", "completableFutureFixedPool", "threadPerTask", "virtualThreads",
            "completableFuture", "processes"})
    public String variant;

    /** Tasks per batch; must equal JMH's operations per invocation. */
    @Param({"1000"})
    public int k;

    /** Threads (or worker processes) of the pooled models: {@code cores} or a number. */
    @Param({PoolSize.CORES})
    public String pool;

    private Model model;
    private ExecutorService executor;
    private WorkerPool workers;
    private long concurrency;
    private final OncePerIteration once = new OncePerIteration();
    private final AtomicLong seeds = new AtomicLong(1);

    @FunctionalInterface
    private interface Model {
        long run(long firstSeed, int k) throws Exception;
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        ParamLimit.check("k", k);
        Batches.checkOpsPerInvocation(params.getOpsPerInvocation(), k);
        Banner.printFactsOnce();
        int size = PoolSize.of(pool);
        int threads = params.getThreads();
        concurrency = switch (variant) {
            case "sequential" -> threads;
            case "fixedPool", "completableFutureFixedPool", "processes" -> Math.min(size, (long) k * threads);
            case "completableFuture" -> new CompletableFuture<Void>().defaultExecutor() instanceof ForkJoinPool
                    ? Math.min(ForkJoinPool.getCommonPoolParallelism(), (long) k * threads) : (long) k * threads;
            default -> (long) k * threads;
        };
        model = switch (variant) {
            case "sequential" -> (seed, n) -> Batches.sequential(n, i -> CpuTask.compute(seed + i));
            case "fixedPool" -> {
                ExecutorService p = fixedPool(size);
                yield (seed, n) -> Batches.pool(p, n, i -> CpuTask.compute(seed + i));
            }
            case "completableFutureFixedPool" -> {
                ExecutorService p = fixedPool(size);
                yield (seed, n) -> Batches.completableFutures(p, n, i -> CpuTask.compute(seed + i));
            }
            case "threadPerTask" -> (seed, n) -> Batches.threadPerTask(false, n, i -> CpuTask.compute(seed + i));
            case "virtualThreads" -> (seed, n) -> Batches.threadPerTask(true, n, i -> CpuTask.compute(seed + i));
            case "completableFuture" -> (seed, n) -> Batches.completableFutures(null, n, i -> CpuTask.compute(seed + i));
            case "processes" -> {
                workers = WorkerPool.start("cpu-worker", size);
                Banner.note("cpu processes: " + workers.describeStartup());
                WorkerPool w = workers;
                yield w::runCpuBatch;
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    private ExecutorService fixedPool(int size) {
        executor = Executors.newFixedThreadPool(size,
                Thread.ofPlatform().daemon(true).name(ExecTrace.THREAD_PREFIX + "cpu-pool-", 0).factory());
        return executor;
    }

    @Setup(Level.Iteration)
    public void newIteration() {
        once.reset();
    }

    @Benchmark
    public long batch(Facts facts) throws Exception {
        return model.run(seeds.getAndAdd(k), k);
    }

    /** Secondary metric per iteration, reported by one JMH thread (JMH sums these over threads). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Facts {
        /** Tasks the model runs at once at most, by construction (all JMH threads together). */
        public long concurrency;

        @TearDown(Level.Iteration)
        public void report(CpuBatch b) {
            concurrency = b.once.take() ? b.concurrency : 0;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Batches.shutdown(executor, "the fixed pool");
        } finally {
            if (workers != null) {
                workers.close();
            }
        }
        ExecTrace.recordLeftoverThreads("cpu.CpuBatch " + variant);
    }
}
