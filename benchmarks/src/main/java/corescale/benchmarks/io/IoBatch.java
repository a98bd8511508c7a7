package corescale.benchmarks.io;

import java.io.IOException;
import java.nio.channels.AsynchronousChannelGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import corescale.benchmarks.ParamLimit;
import corescale.benchmarks.WarmupNeeded;
import corescale.benchmarks.exec.AsyncConnection;
import corescale.benchmarks.exec.Banner;
import corescale.benchmarks.exec.Batches;
import corescale.benchmarks.exec.BlockingConnection;
import corescale.benchmarks.exec.ExecTrace;
import corescale.benchmarks.exec.LoopbackService;
import corescale.benchmarks.exec.OncePerIteration;
import corescale.benchmarks.exec.PoolSize;
import corescale.benchmarks.exec.Timeouts;
import corescale.benchmarks.exec.WorkerPool;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Throughput of IO-bound work under each execution model: one operation is a batch of K requests to a
 * real TCP service on 127.0.0.1 that answers each after {@code delayMs} (a remote call), all issued,
 * then one wait for the last; the score is requests per second ({@code @OperationsPerInvocation(K)}).
 * Each answer is checked against its request and summed.
 *
 * <p>The service ({@code exec.LoopbackServer}) is a child JVM started at trial setup and stopped at
 * teardown, with one event loop per CPU it may use; on Linux it runs on the CPUs the fork does not use
 * when the machine has any (see {@code exec.ServiceCpus}), so it stands for another machine.
 * Connections are opened at setup and kept (like a keep-alive pool): request i of a batch uses
 * connection i, one request at a time, so no model pays connection set-up and no run exhausts
 * ephemeral ports.
 *
 * <ul>
 * <li>{@code fixedPool}: {@code newFixedThreadPool(pool)}, blocking sockets: {@code pool} requests
 *     in flight, so at most pool/delay requests per second (a blocking client on a sized pool).</li>
 * <li>{@code threadPerRequest}: a new platform thread per request, blocking socket.</li>
 * <li>{@code virtualThreads}: a new virtual thread per request, blocking socket (parks, frees its
 *     carrier).</li>
 * <li>{@code asyncChannels}: {@code AsynchronousSocketChannel} per connection, write then read chained
 *     as {@code CompletableFuture}s, {@code allOf}; no thread waits on a request; completions run on a
 *     channel group of {@code pool} threads.</li>
 * <li>{@code processes}: {@code pool} long-lived child worker JVMs (started at setup), each given its
 *     share of the batch over its pipe, which it makes one request after another on its own
 *     connection (pre-fork synchronous workers): at most pool/delay too, plus pipe costs.</li>
 * </ul>
 * Secondary metrics per iteration: {@code concurrency} (requests in flight on average at best: the
 * in-flight limit, or k / ⌈k / limit⌉ when a batch does not divide into whole rounds of it, as k = 200
 * through 48 threads takes 5 rounds, 40 in flight on average; by Little's law the bound is
 * concurrency / delay), {@code service_time_us} (the delay, in µs) and
 * {@code latency_vs_delay} (mean latency of a request as the client observed it, send to checked
 * answer, over the delay: near 1 when the service answers on time, well above when the service or
 * the CPUs set the pace).
 *
 * <p>{@code k} is 1000 by default; another k must be run with {@code -p k=N -opi N}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(IoBatch.K)
@State(Scope.Benchmark)
// One JMH thread: the benchmark runs its own batch of concurrent work; the sweep varies cores.
@Threads(1)
// Forks warmed up 600 ms at one core: the first three measured iterations 17%, 14% and 7% below the
// later ones (medians over 32 forks), within 1.5% from the fourth. 1.4 s.
@WarmupNeeded(millis = 1400)
public class IoBatch {

    static final int K = 1000;

    @Param({"fixedPool", "threadPerRequest", "virtualThreads", "asyncChannels", "processes"})
    public String variant;

    /** Requests per batch; must equal JMH's operations per invocation. */
    @Param({"1000"})
    public int k;

    /** How long the service takes to answer each request. */
    @Param({"1", "10"})
    public double delayMs;

    /** Threads (or worker processes, or channel-group threads) of the pooled models: {@code cores} or a number. */
    @Param({PoolSize.CORES})
    public String pool;

    LoopbackService service;
    ExecutorService executor;
    AsynchronousChannelGroup group;
    WorkerPool workers;
    private double concurrency;
    private final OncePerIteration once = new OncePerIteration();
    /** Latency of every request of the current iteration, summed, and the batches it took. */
    private final LongAdder latencyNanos = new LongAdder();
    private final LongAdder batches = new LongAdder();

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        ParamLimit.check("k", k);
        ParamLimit.check("delayMs", delayMs);
        Batches.checkOpsPerInvocation(params.getOpsPerInvocation(), k);
        Banner.printFactsOnce();
        if (!variant.matches("fixedPool|threadPerRequest|virtualThreads|asyncChannels|processes")) {
            throw new IllegalArgumentException("unknown variant " + variant);
        }
        int size = PoolSize.of(pool);
        long requests = (long) k * params.getThreads();
        long limit = variant.matches("fixedPool|processes") ? Math.min(size, requests) : requests;
        concurrency = meanInFlight(requests, limit);
        service = LoopbackService.start(delayMs);
        Banner.note("io service on CPUs " + service.cpus() + ", " + service.loops() + " event loops");
        switch (variant) {
            case "fixedPool" -> executor = Executors.newFixedThreadPool(size,
                    Thread.ofPlatform().daemon(true).name(ExecTrace.THREAD_PREFIX + "io-pool-", 0).factory());
            case "asyncChannels" -> group = AsynchronousChannelGroup.withFixedThreadPool(size,
                    Thread.ofPlatform().daemon(true).name(ExecTrace.THREAD_PREFIX + "io-async-", 0).factory());
            case "processes" -> {
                workers = WorkerPool.start("io-worker", size);
                Banner.note("io processes: " + workers.describeStartup());
                for (var w : workers.workers()) {
                    w.callIo(service.port(), 1, 0, Timeouts.CHILD_START); // connect now, not in the first batch
                }
            }
            default -> {
                // threadPerRequest, virtualThreads: nothing shared but the service
            }
        }
    }

    /**
     * Requests in flight on average over a batch at best: a batch of {@code requests} with at most
     * {@code limit} at once takes ⌈requests / limit⌉ rounds of the delay, however the rounds are filled.
     */
    static double meanInFlight(long requests, long limit) {
        return (double) requests / Math.ceilDiv(requests, limit);
    }

    /** Each JMH thread's own connections, opened at trial setup, one per request slot of a batch. */
    @State(Scope.Thread)
    public static class Connections {
        BlockingConnection[] blocking;
        AsyncConnection[] async;
        long nextId = 1;

        @Setup(Level.Trial)
        public void open(IoBatch io) throws IOException {
            switch (io.variant) {
                case "fixedPool", "threadPerRequest", "virtualThreads" -> {
                    blocking = new BlockingConnection[io.k];
                    for (int i = 0; i < io.k; i++) {
                        blocking[i] = new BlockingConnection(io.service.port());
                    }
                }
                case "asyncChannels" -> {
                    async = new AsyncConnection[io.k];
                    for (int i = 0; i < io.k; i++) {
                        async[i] = AsyncConnection.open(io.group, io.service.port());
                    }
                }
                default -> {
                    // processes: the workers hold their own connections
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            IOException failure = null;
            for (AutoCloseable[] all : new AutoCloseable[][] {blocking, async}) {
                if (all == null) {
                    continue;
                }
                for (AutoCloseable c : all) {
                    try {
                        if (c != null) {
                            c.close();
                        }
                    } catch (Exception e) {
                        failure = failure != null ? failure : new IOException("closing a connection: " + e, e);
                    }
                }
            }
            blocking = null;
            async = null;
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Setup(Level.Iteration)
    public void newIteration() {
        once.reset();
        latencyNanos.reset();
        batches.reset();
    }

    @Benchmark
    public long batch(Connections c, Observed observed) throws Exception {
        long first = c.nextId;
        c.nextId += k;
        try {
            long sum = run(c, first);
            batches.increment();
            return sum;
        } catch (Exception e) {
            service.checkAlive(); // a dead service is the real cause: say so
            throw e;
        }
    }

    private long run(Connections c, long first) throws Exception {
        BlockingConnection[] conns = c.blocking;
        return switch (variant) {
            case "fixedPool" -> Batches.pool(executor, k, i -> timed(conns[i], first + i));
            case "threadPerRequest" -> Batches.threadPerTask(false, k, i -> timed(conns[i], first + i));
            case "virtualThreads" -> Batches.threadPerTask(true, k, i -> timed(conns[i], first + i));
            case "asyncChannels" -> {
                @SuppressWarnings("unchecked")
                CompletableFuture<Long>[] fs = new CompletableFuture[k];
                for (int i = 0; i < k; i++) {
                    long t0 = System.nanoTime();
                    fs[i] = c.async[i].call(first + i).thenApply(answer -> {
                        latencyNanos.add(System.nanoTime() - t0);
                        return answer;
                    });
                }
                yield Batches.sumAll(fs, "async requests");
            }
            case "processes" -> workers.runIoBatch(service.port(), first, k, latencyNanos);
            default -> throw new IllegalStateException(variant);
        };
    }

    /** One blocking request, its latency (send to checked answer) added to the iteration's. */
    private long timed(BlockingConnection connection, long id) throws IOException {
        long t0 = System.nanoTime();
        long answer = connection.call(id);
        latencyNanos.add(System.nanoTime() - t0);
        return answer;
    }

    /** Secondary metrics per iteration, reported by one JMH thread (JMH sums these over threads). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Observed {
        /** Requests in flight on average at best, by construction (all JMH threads together). */
        public double concurrency;
        /** The service's delay, µs: with {@code concurrency}, the bound concurrency / delay. */
        public double service_time_us;
        /** Mean observed request latency over the delay. */
        public double latency_vs_delay;

        @TearDown(Level.Iteration)
        public void report(IoBatch io) {
            boolean mine = io.once.take();
            double delayUs = io.delayMs * 1000;
            long requests = io.batches.sum() * io.k;
            concurrency = mine ? io.concurrency : 0;
            service_time_us = mine ? delayUs : 0;
            latency_vs_delay = !mine ? 0 : requests > 0 && delayUs > 0 ? io.latencyNanos.sum() / 1000.0 / requests / delayUs : Double.NaN;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            Batches.shutdown(executor, "the fixed pool");
            if (group != null) {
                group.shutdownNow();
                if (!group.awaitTermination(Timeouts.POOL_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the asynchronous channel group did not terminate within "
                            + Timeouts.POOL_SHUTDOWN);
                }
            }
        } finally {
            try {
                if (workers != null) {
                    workers.close();
                }
            } finally {
                if (service != null) {
                    service.close();
                }
            }
        }
        ExecTrace.recordLeftoverThreads("io.IoBatch " + variant + " delayMs=" + delayMs);
    }
}
