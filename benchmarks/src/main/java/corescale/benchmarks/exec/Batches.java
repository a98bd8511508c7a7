package corescale.benchmarks.exec;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The execution models, as "run K tasks and wait for all of them", shared by the spawn, cpu and io
 * benchmarks so that each model is written once. Every model wakes the waiting thread once per batch
 * (a latch the tasks count down, or {@code allOf}): a per-task wait would take the CPU from the
 * workers once per task on a small core count and measure the waiter, not the model. Every wait is
 * bounded by {@link Timeouts#BATCH}; a failed task fails the batch with its cause, checked after
 * the wait. Each returns the sum of the task results, which the benchmarks return to JMH (no dead
 * code). Messages are built only on failure.
 */
public final class Batches {

    /** Task {@code i} of a batch. */
    @FunctionalInterface
    public interface IndexedTask {
        long run(int i) throws Exception;
    }

    private Batches() {
    }

    /** A new platform or virtual thread per task, all started; one wait for the last to finish. */
    public static long threadPerTask(boolean virtual, int k, IndexedTask task) throws Exception {
        Batch batch = new Batch(k, task);
        for (int i = 0; i < k; i++) {
            Runnable r = batch.unit(i);
            if (virtual) {
                Thread.startVirtualThread(r);
            } else {
                new Thread(r).start();
            }
        }
        return batch.await(virtual ? "virtual threads" : "platform threads");
    }

    /** Every task handed to {@code pool}; one wait for the last to finish. */
    public static long pool(Executor pool, int k, IndexedTask task) throws Exception {
        Batch batch = new Batch(k, task);
        for (int i = 0; i < k; i++) {
            pool.execute(batch.unit(i));
        }
        return batch.await("pool tasks");
    }

    /** The k tasks run inline on the calling thread: the floor every model is held against. */
    public static long sequential(int k, IndexedTask task) throws Exception {
        long sum = 0;
        for (int i = 0; i < k; i++) {
            sum += task.run(i);
        }
        return sum;
    }

    /**
     * {@code CompletableFuture.supplyAsync} per task, on {@code executor}, or when it is null on the
     * default async pool (the common pool; up to JDK 24 a new thread per task when its parallelism is below 2),
     * then one wait on {@code allOf}.
     */
    public static long completableFutures(Executor executor, int k, IndexedTask task) throws Exception {
        @SuppressWarnings("unchecked")
        CompletableFuture<Long>[] futures = new CompletableFuture[k];
        for (int i = 0; i < k; i++) {
            int index = i;
            Supplier<Long> s = () -> {
                try {
                    return task.run(index);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            };
            futures[i] = executor == null ? CompletableFuture.supplyAsync(s) : CompletableFuture.supplyAsync(s, executor);
        }
        return sumAll(futures, "completable futures");
    }

    /** One wait (bounded) on {@code allOf} the futures, then their sum (all done: no further wait). */
    public static long sumAll(CompletableFuture<Long>[] futures, String what) throws Exception {
        Deadlines.get(CompletableFuture.allOf(futures), Deadlines.batchDeadline(), () -> "all " + futures.length + " " + what);
        long sum = 0;
        for (CompletableFuture<Long> f : futures) {
            sum += f.join();
        }
        return sum;
    }

    /**
     * The tasks of one batch and its one completion signal: each unit adds its result to a striped
     * sum and counts a latch down, so the waiting thread wakes once, when the last unit is done,
     * whatever the model. The first failure is kept and thrown after the wait.
     */
    private static final class Batch {
        private final IndexedTask task;
        private final int k;
        private final LongAdder sum = new LongAdder();
        private final CountDownLatch left;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile int failedIndex;

        Batch(int k, IndexedTask task) {
            this.k = k;
            this.task = task;
            this.left = new CountDownLatch(k);
        }

        Runnable unit(int i) {
            return () -> {
                try {
                    sum.add(task.run(i));
                } catch (Throwable t) {
                    if (failure.compareAndSet(null, t)) {
                        failedIndex = i;
                    }
                } finally {
                    left.countDown();
                }
            };
        }

        long await(String what) throws Exception {
            if (!left.await(Timeouts.BATCH.toNanos(), TimeUnit.NANOSECONDS)) {
                throw Deadlines.timedOut(left.getCount() + " of " + k + " " + what);
            }
            Throwable t = failure.get();
            if (t != null) {
                throw new IllegalStateException("task " + failedIndex + " of " + k + " failed: " + t, t);
            }
            return sum.sum();
        }
    }

    /**
     * A {@link ProcessBuilder} for a trivial native command: output discarded, input from the null
     * device, so a launch costs what starting the process costs, not pipe set-up.
     */
    public static ProcessBuilder trivialProcess() {
        ProcessBuilder pb = new ProcessBuilder(TrueCommand.find())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            pb.redirectInput(ProcessBuilder.Redirect.from(devNull));
        }
        return pb;
    }

    /**
     * Starts {@code k} processes, then waits for each to exit, in start order ({@link Process#waitFor},
     * woken by the JDK's process reaper); each must exit 0. Returns the sum of exit codes (0). Not
     * {@code onExit()}: its future completes through one more task on the common pool (a new thread per
     * process where its parallelism is below 2, up to JDK 24), a hand-off that is not the process's cost.
     */
    public static long processes(ProcessBuilder pb, int k) throws Exception {
        Process[] ps = new Process[k];
        try {
            for (int i = 0; i < k; i++) {
                ps[i] = pb.start();
            }
            long deadline = Deadlines.batchDeadline();
            for (Process p : ps) {
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw Deadlines.timedOut(k + " processes (" + String.join(" ", TrueCommand.find()) + ") exiting");
                }
            }
            long sum = 0;
            for (int i = 0; i < k; i++) {
                int code = ps[i].exitValue();
                if (code != 0) {
                    throw new IOException("process " + i + " of " + k + " (" + String.join(" ", TrueCommand.find())
                            + ") exited with code " + code);
                }
                sum += code;
            }
            return sum;
        } catch (Exception e) {
            for (Process p : ps) {
                if (p != null) {
                    p.destroyForcibly();
                }
            }
            throw e;
        }
    }

    /**
     * Shuts a pool down and waits (bounded) for it to end; throws if it does not, naming it.
     */
    public static void shutdown(ExecutorService pool, String name) {
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(Timeouts.POOL_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not terminate within " + Timeouts.POOL_SHUTDOWN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while shutting down " + name, e);
        }
    }

    /**
     * Checks that JMH's operations per invocation equals the batch size {@code k}, so that the score is
     * per task (per unit, per request), not per batch. {@code @OperationsPerInvocation} is fixed at
     * compile time; another k needs the same number given to JMH: {@code -p k=N -opi N}.
     */
    public static void checkOpsPerInvocation(int opsPerInvocation, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        if (opsPerInvocation != k) {
            throw new IllegalArgumentException("k=" + k + " but JMH counts " + opsPerInvocation
                    + " operations per invocation, so the score would not be per task: run k=" + k
                    + " with '-opi " + k + "' (JMH option) as a run of its own");
        }
    }
}
