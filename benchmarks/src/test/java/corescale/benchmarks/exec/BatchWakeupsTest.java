package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every model wakes the thread that waits for a batch once per batch, never once per task: counted,
 * not timed. The JVM counts each time a thread parks or waits ({@link ThreadInfo#getWaitedCount()})
 * or blocks on a monitor ({@link ThreadInfo#getBlockedCount()}); each is one sleep and one wake-up.
 * A control model that waits on each task's future in turn shows that the count sees per-task waits.
 */
class BatchWakeupsTest {

    /** Tasks of roughly 50-100 µs: long enough that a per-task waiter finds most of them unfinished. */
    private static final int WORK = 30_000;
    static final int K = 200;
    /** Batches counted per model (WorkerPoolWakeupsIT's too). */
    static final int BATCHES = 5;
    /** One wake-up per batch, plus slack for a rare early return of a timed park or a lock hand-off. */
    static final long MOST = 2L * BATCHES + 2;

    private static ExecutorService onePool;

    @BeforeAll
    static void pool() {
        onePool = Executors.newFixedThreadPool(1);
    }

    @AfterAll
    static void shutdown() {
        Batches.shutdown(onePool, "the test pool");
    }

    /** Runs {@code model} BATCHES times on a fresh platform thread; returns its wake-ups in those batches. */
    static long wakeups(ThrowingBatch model) throws Exception {
        return wakeups(model, WORK);
    }

    /**
     * As {@link #wakeups(ThrowingBatch)} for a model whose tasks take {@code work} steps each. Whatever
     * the waiter thread throws, an assertion included, is thrown here: a failure inside the thread
     * must fail the test, not end the thread with a count of 0.
     */
    static long wakeups(ThrowingBatch model, int work) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] counted = {-1};
        Throwable[] failed = new Throwable[1];
        Thread waiter = Thread.ofPlatform().name("wakeup-counter").start(() -> {
            try {
                model.run(); // warm-up: classes loaded, pool threads started, outside the count
                long before = count(mx);
                long[] sums = new long[BATCHES];
                for (int b = 0; b < BATCHES; b++) {
                    sums[b] = model.run(b);
                }
                counted[0] = count(mx) - before;
                for (int b = 0; b < BATCHES; b++) {
                    assertEquals(expectedSum(b, work), sums[b], "batch " + b + ": the tasks' sum");
                }
            } catch (Throwable e) {
                failed[0] = e;
            }
        });
        assertTrue(waiter.join(java.time.Duration.ofMinutes(2)), "the batches did not finish");
        if (failed[0] instanceof Exception e) {
            throw e;
        }
        if (failed[0] instanceof Error e) {
            throw e;
        }
        assertTrue(counted[0] >= 0, "the waiter did not count");
        return counted[0];
    }

    private static long count(ThreadMXBean mx) {
        ThreadInfo info = mx.getThreadInfo(Thread.currentThread().threadId());
        return info.getWaitedCount() + info.getBlockedCount();
    }

    static long expectedSum(int batch, int work) {
        long sum = 0;
        for (int i = 0; i < K; i++) {
            sum += CpuTask.compute(seed(batch, i), work);
        }
        return sum;
    }

    static long seed(int batch, int i) {
        return batch * 1_000_000L + i;
    }

    /** One batch of the model: K tasks of batch {@code b}. */
    @FunctionalInterface
    interface ThrowingBatch {
        long run(int b) throws Exception;

        default void run() throws Exception {
            run(99);
        }
    }

    @Test
    void theCountSeesAWaiterThatWaitsOnEachTask() throws Exception {
        long control = wakeups(b -> {
            List<Future<Long>> fs = new ArrayList<>();
            for (int i = 0; i < K; i++) {
                long seed = seed(b, i);
                fs.add(onePool.submit(() -> CpuTask.compute(seed, WORK)));
            }
            long sum = 0;
            for (Future<Long> f : fs) {
                sum += f.get(60, TimeUnit.SECONDS);
            }
            return sum;
        });
        assertTrue(control >= BATCHES * K / 10, "a per-task waiter woke only " + control + " times in "
                + BATCHES + " batches of " + K + ": the count does not see it");
    }

    @Test
    void aFixedPoolWakesTheWaiterOncePerBatch() throws Exception {
        long n = wakeups(b -> Batches.pool(onePool, K, i -> CpuTask.compute(seed(b, i), WORK)));
        assertTrue(n <= MOST, "fixed pool: " + n + " wake-ups in " + BATCHES + " batches");
    }

    @Test
    void completableFuturesOnAFixedPoolWakeTheWaiterOncePerBatch() throws Exception {
        long n = wakeups(b -> Batches.completableFutures(onePool, K, i -> CpuTask.compute(seed(b, i), WORK)));
        assertTrue(n <= MOST, "completable futures on a fixed pool: " + n + " wake-ups in " + BATCHES + " batches");
    }

    @Test
    void completableFuturesOnTheDefaultPoolWakeTheWaiterOncePerBatch() throws Exception {
        long n = wakeups(b -> Batches.completableFutures(null, K, i -> CpuTask.compute(seed(b, i), WORK)));
        assertTrue(n <= MOST, "completable futures on the default pool: " + n + " wake-ups in " + BATCHES + " batches");
    }

    @Test
    void platformThreadsWakeTheWaiterOncePerBatch() throws Exception {
        long n = wakeups(b -> Batches.threadPerTask(false, K, i -> CpuTask.compute(seed(b, i), WORK)));
        assertTrue(n <= MOST, "thread per task: " + n + " wake-ups in " + BATCHES + " batches");
    }

    @Test
    void virtualThreadsWakeTheWaiterOncePerBatch() throws Exception {
        long n = wakeups(b -> Batches.threadPerTask(true, K, i -> CpuTask.compute(seed(b, i), WORK)));
        assertTrue(n <= MOST, "virtual threads: " + n + " wake-ups in " + BATCHES + " batches");
    }

    @Test
    void sequentialNeverWaits() throws Exception {
        assertEquals(0, wakeups(b -> Batches.sequential(K, i -> CpuTask.compute(seed(b, i), WORK))));
    }

    @Test
    void asyncFuturesCombinedWithAllOfWakeTheWaiterOncePerBatch() throws Exception {
        long n = wakeups(b -> {
            @SuppressWarnings("unchecked")
            CompletableFuture<Long>[] fs = new CompletableFuture[K];
            for (int i = 0; i < K; i++) {
                long seed = seed(b, i);
                fs[i] = CompletableFuture.supplyAsync(() -> CpuTask.compute(seed, WORK), onePool);
            }
            return Batches.sumAll(fs, "futures");
        });
        assertTrue(n <= MOST, "allOf: " + n + " wake-ups in " + BATCHES + " batches");
    }
}
