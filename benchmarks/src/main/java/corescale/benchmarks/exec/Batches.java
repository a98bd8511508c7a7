package corescale.benchmarks.exec;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The execution models, as "run K tasks and wait for all of them", shared by the spawn, cpu and io
 * benchmarks so that each model is written once. Every wait is bounded by {@link Timeouts#BATCH};
 * a failed task fails the batch with its cause. Each returns the sum of the task results, which the
 * benchmarks return to JMH (no dead code).
 */
public final class Batches {

    /** Task {@code i} of a batch. */
    @FunctionalInterface
    public interface IndexedTask {
        long run(int i) throws Exception;
    }

    private Batches() {
    }

    /** A new platform or virtual thread per task, all started, then all joined. */
    public static long threadPerTask(boolean virtual, int k, IndexedTask task) throws Exception {
        long[] results = new long[k];
        Throwable[] errors = new Throwable[k];
        Thread[] threads = new Thread[k];
        for (int i = 0; i < k; i++) {
            int index = i;
            Runnable r = () -> {
                try {
                    results[index] = task.run(index);
                } catch (Throwable t) {
                    errors[index] = t;
                }
            };
            threads[i] = virtual ? Thread.startVirtualThread(r) : startPlatform(r);
        }
        long deadline = Deadlines.batchDeadline();
        for (int i = 0; i < k; i++) {
            Deadlines.join(threads[i], deadline, (virtual ? "virtual" : "platform") + " thread " + i + " of " + k);
        }
        long sum = 0;
        for (int i = 0; i < k; i++) {
            if (errors[i] != null) {
                throw new IllegalStateException("task " + i + " of " + k + " failed: " + errors[i], errors[i]);
            }
            sum += results[i];
        }
        return sum;
    }

    private static Thread startPlatform(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    /** Every task submitted to {@code pool}, then every future waited for. */
    public static long pool(ExecutorService pool, int k, IndexedTask task) throws Exception {
        @SuppressWarnings("unchecked")
        Future<Long>[] futures = new Future[k];
        for (int i = 0; i < k; i++) {
            int index = i;
            futures[i] = pool.submit(() -> task.run(index));
        }
        long deadline = Deadlines.batchDeadline();
        long sum = 0;
        for (int i = 0; i < k; i++) {
            sum += Deadlines.get(futures[i], deadline, "pool task " + i + " of " + k);
        }
        return sum;
    }

    /**
     * {@code CompletableFuture.supplyAsync} per task, on {@code executor}, or when it is null on the
     * default async pool (the common pool; up to JDK 24 a new thread per task when its parallelism is below 2),
     * then {@code allOf}.
     */
    public static long completableFutures(Executor executor, int k, IndexedTask task) throws Exception {
        @SuppressWarnings("unchecked")
        CompletableFuture<Long>[] futures = new CompletableFuture[k];
        for (int i = 0; i < k; i++) {
            int index = i;
            java.util.function.Supplier<Long> s = () -> {
                try {
                    return task.run(index);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            };
            futures[i] = executor == null ? CompletableFuture.supplyAsync(s) : CompletableFuture.supplyAsync(s, executor);
        }
        return sumAll(futures, "completable future");
    }

    /** Waits for all futures (bounded) and sums them. */
    public static long sumAll(CompletableFuture<Long>[] futures, String what) throws Exception {
        long deadline = Deadlines.batchDeadline();
        Deadlines.get(CompletableFuture.allOf(futures), deadline, "all " + futures.length + " " + what + "s");
        long sum = 0;
        for (CompletableFuture<Long> f : futures) {
            sum += f.join();
        }
        return sum;
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

    /** Starts {@code k} processes, then waits for all; each must exit 0. Returns the sum of exit codes (0). */
    public static long processes(ProcessBuilder pb, int k) throws Exception {
        Process[] ps = new Process[k];
        try {
            for (int i = 0; i < k; i++) {
                ps[i] = pb.start();
            }
            long deadline = Deadlines.batchDeadline();
            long sum = 0;
            for (int i = 0; i < k; i++) {
                sum += waitFor(ps[i], deadline, i, k);
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

    private static int waitFor(Process p, long deadline, int i, int k) throws Exception {
        long left = deadline - System.nanoTime();
        if (!p.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("process " + i + " of " + k + " (" + p.info().command().orElse("?")
                    + ") did not exit within " + Timeouts.BATCH);
        }
        int code = p.exitValue();
        if (code != 0) {
            throw new IOException("process " + i + " of " + k + " (" + String.join(" ", TrueCommand.find())
                    + ") exited with code " + code);
        }
        return code;
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
