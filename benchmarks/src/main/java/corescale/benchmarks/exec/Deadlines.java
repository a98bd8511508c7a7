package corescale.benchmarks.exec;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Bounded waits for things that have no timeout of their own (a blocking read of a pipe, a join). */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * Runs a blocking call on a helper thread and waits for it at most {@code timeout}; on timeout runs
     * {@code onTimeout} (which must unblock the call, e.g. kill the child whose pipe it reads) and
     * throws an IOException naming {@code what}.
     */
    public static <T> T call(String what, Duration timeout, Runnable onTimeout, Callable<T> blocking) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread helper = Thread.ofPlatform().daemon(true).name(ExecTrace.THREAD_PREFIX + "deadline").start(() -> {
            try {
                result.complete(blocking.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            onTimeout.run();
            throw new IOException("no " + what + " within " + timeout);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException("failed waiting for " + what + ": " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onTimeout.run();
            throw new IOException("interrupted waiting for " + what, e);
        } finally {
            try {
                helper.join(Timeouts.CHILD_STOP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for a future at most until {@code deadlineNanos} ({@link System#nanoTime()} clock). */
    public static <T> T get(Future<T> f, long deadlineNanos, Supplier<String> what) throws Exception {
        long left = deadlineNanos - System.nanoTime();
        try {
            return f.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw timedOut(what.get());
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof Exception ex ? ex : new ExecutionException(c);
        }
    }

    /** What a batch that missed its deadline throws. */
    public static TimeoutException timedOut(String what) {
        return new TimeoutException(what + " not done within " + Timeouts.BATCH + " (see -Dcorescale.exec.timeoutSeconds)");
    }

    /** The deadline of a batch that starts now. */
    public static long batchDeadline() {
        return System.nanoTime() + Timeouts.BATCH.toNanos();
    }
}
