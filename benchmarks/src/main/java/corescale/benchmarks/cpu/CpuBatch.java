package corescale.benchmarks.cpu;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import corescale.benchmarks.exec.Banner;
import corescale.benchmarks.exec.Batches;
import corescale.benchmarks.exec.CpuTask;
import corescale.benchmarks.exec.ExecTrace;
import corescale.benchmarks.exec.WorkerPool;
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
 * Throughput of CPU-bound work under each execution model: one operation is a batch of K independent
 * tasks ({@link CpuTask}, a fixed ~20 µs of real arithmetic, result summed and returned), all
 * submitted, then all awaited; the score is tasks per second ({@code @OperationsPerInvocation(K)}).
 * Ideal scaling is linear in cores.
 *
 * <ul>
 * <li>{@code fixedPool}: {@code Executors.newFixedThreadPool(cores)} created at trial setup; submit
 *     K, wait for K futures.</li>
 * <li>{@code threadPerTask}: a new platform thread per task, all started then joined.</li>
 * <li>{@code virtualThreads}: a new virtual thread per task, all started then joined.</li>
 * <li>{@code completableFuture}: {@code supplyAsync} per task without executor, then {@code allOf}:
 *     the common pool; up to JDK 24 a new thread per task when its parallelism is below 2 (see the
 *     {@code common_pool_async_uses_new_thread} fact).</li>
 * <li>{@code processes}: one long-lived child worker JVM per core (this jar, another main), started
 *     at trial setup; the K tasks go round-robin over their stdin pipes, results come back over their
 *     stdout. Their start-up time is printed at setup and measured by {@code spawn.StartJoin}
 *     {@code jvmWorker}, not included here.</li>
 * </ul>
 * "cores" is {@code Runtime.availableProcessors()} of the fork (it follows -XX:ActiveProcessorCount
 * and affinity). A fair model of a compute fan-out of many small independent jobs; not of jobs that
 * share data (the processes model would have to copy it) nor of a warmed-up steady stream of jobs
 * without batch barriers.
 *
 * <p>{@code k} is 1000 by default; another k must be run with {@code -p k=N -opi N}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CpuBatch.K)
@State(Scope.Benchmark)
// One JMH thread: the benchmark runs its own batch of concurrent work; the sweep varies cores.
@Threads(1)
public class CpuBatch {

    static final int K = 1000;

    @Param({"fixedPool", "threadPerTask", "virtualThreads", "completableFuture", "processes"})
    public String variant;

    /** Tasks per batch; must equal JMH's operations per invocation. */
    @Param({"1000"})
    public int k;

    private Model model;
    private ExecutorService pool;
    private WorkerPool workers;
    private final AtomicLong seeds = new AtomicLong(1);

    @FunctionalInterface
    private interface Model {
        long run(long firstSeed, int k) throws Exception;
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        Batches.checkOpsPerInvocation(params.getOpsPerInvocation(), k);
        Banner.printFactsOnce();
        int cores = Runtime.getRuntime().availableProcessors();
        model = switch (variant) {
            case "fixedPool" -> {
                pool = Executors.newFixedThreadPool(cores,
                        Thread.ofPlatform().daemon(true).name(ExecTrace.THREAD_PREFIX + "cpu-pool-", 0).factory());
                ExecutorService p = pool;
                yield (seed, n) -> Batches.pool(p, n, i -> CpuTask.compute(seed + i));
            }
            case "threadPerTask" -> (seed, n) -> Batches.threadPerTask(false, n, i -> CpuTask.compute(seed + i));
            case "virtualThreads" -> (seed, n) -> Batches.threadPerTask(true, n, i -> CpuTask.compute(seed + i));
            case "completableFuture" -> (seed, n) -> Batches.completableFutures(null, n, i -> CpuTask.compute(seed + i));
            case "processes" -> {
                workers = WorkerPool.start("cpu-worker", cores);
                Banner.note("cpu processes: " + workers.describeStartup());
                WorkerPool w = workers;
                yield w::runCpuBatch;
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    @Benchmark
    public long batch() throws Exception {
        return model.run(seeds.getAndAdd(k), k);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Batches.shutdown(pool, "the fixed pool");
        } finally {
            if (workers != null) {
                workers.close();
            }
        }
        ExecTrace.recordLeftoverThreads("cpu.CpuBatch " + variant);
    }
}
