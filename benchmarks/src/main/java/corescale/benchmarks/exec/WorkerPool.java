package corescale.benchmarks.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A pool of long-lived {@link WorkerMain} child processes, started together (their start-up time is
 * kept, to be reported apart from the measurement) and fed batches over their pipes. Thread-safe:
 * several JMH threads may run batches at once; each worker answers its tasks in order.
 */
public final class WorkerPool implements AutoCloseable {

    private final List<WorkerProcess> workers;
    private final long startupNanos;

    private WorkerPool(List<WorkerProcess> workers, long startupNanos) {
        this.workers = workers;
        this.startupNanos = startupNanos;
    }

    /** Starts {@code size} workers at once and waits until all are ready. */
    public static WorkerPool start(String name, int size) throws IOException {
        if (size < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one worker, not " + size);
        }
        long t0 = System.nanoTime();
        List<CompletableFuture<WorkerProcess>> starting = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String workerName = name + "-" + i;
            CompletableFuture<WorkerProcess> f = new CompletableFuture<>();
            Thread.ofPlatform().daemon(true).name(ExecTrace.THREAD_PREFIX + "worker-start-" + i).start(() -> {
                try {
                    f.complete(WorkerProcess.start(workerName));
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
            starting.add(f);
        }
        List<WorkerProcess> started = new ArrayList<>();
        IOException failure = null;
        for (CompletableFuture<WorkerProcess> f : starting) {
            try {
                // WorkerProcess.start bounds its own wait; this bound is a second line of defence
                started.add(f.get(Timeouts.CHILD_START.toMillis() + 10_000, TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                failure = failure != null ? failure : new IOException(e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException | InterruptedException e) {
                failure = failure != null ? failure : new IOException("worker start-up did not finish: " + e, e);
            }
        }
        if (failure != null) {
            started.forEach(WorkerProcess::close);
            throw failure;
        }
        return new WorkerPool(List.copyOf(started), System.nanoTime() - t0);
    }

    public int size() {
        return workers.size();
    }

    public List<WorkerProcess> workers() {
        return workers;
    }

    /** One line for the JMH output: how many workers, how long they took to start, what they see. */
    public String describeStartup() {
        return String.format(Locale.ROOT, "%d worker JVMs ready in %.1f ms (start-up, not measured), each sees %d CPUs",
                workers.size(), startupNanos / 1e6, workers.get(0).availableProcessors());
    }

    /** Wall time to start all workers, launch to the last ready signal. */
    public long startupNanos() {
        return startupNanos;
    }

    /**
     * Runs {@code k} cpu tasks (seeds {@code firstSeed .. firstSeed+k-1}, {@link CpuTask#WORK} each)
     * spread round-robin over the workers, and returns the sum of their results.
     */
    public long runCpuBatch(long firstSeed, int k) throws Exception {
        Batch batch = new Batch(k, null);
        int n = workers.size();
        for (int w = 0; w < n; w++) {
            WorkerProcess worker = workers.get(w);
            for (int i = w; i < k; i += n) {
                worker.submitCpu(firstSeed + i, CpuTask.WORK, batch);
            }
            worker.flush();
        }
        return batch.await(workers);
    }

    /**
     * Makes {@code k} requests (ids {@code firstId ..}) to the loopback service: each worker makes its
     * contiguous share one after another on its own connection. Returns the sum of the answers and
     * adds the latencies the workers observed (each request, send to answer) to {@code latencyNanos}.
     */
    public long runIoBatch(int port, long firstId, int k, LongAdder latencyNanos) throws Exception {
        int n = Math.min(workers.size(), k);
        Batch batch = new Batch(n, latencyNanos);
        int from = 0;
        for (int w = 0; w < n; w++) {
            int count = k / n + (w < k % n ? 1 : 0);
            WorkerProcess worker = workers.get(w);
            worker.submitIo(port, count, firstId + from, batch);
            worker.flush();
            from += count;
        }
        return batch.await(workers);
    }

    /** Stops every worker (bounded, see {@link WorkerProcess#close()}). */
    @Override
    public void close() {
        for (WorkerProcess w : workers) {
            w.close();
        }
    }

    /** Collects the replies of one batch; the waiting thread wakes once, when the last has come. */
    private static final class Batch implements WorkerProcess.Sink {
        private final AtomicLong sum = new AtomicLong();
        private final LongAdder latencyNanos;
        private final AtomicInteger left;
        private final CompletableFuture<Long> done = new CompletableFuture<>();

        Batch(int replies, LongAdder latencyNanos) {
            this.latencyNanos = latencyNanos;
            left = new AtomicInteger(replies);
            if (replies == 0) {
                done.complete(0L);
            }
        }

        @Override
        public void result(long value, long latency) {
            sum.addAndGet(value);
            if (latencyNanos != null) {
                latencyNanos.add(latency);
            }
            // every reply's add comes before its count-down, so the sum read at zero is the final one
            if (left.decrementAndGet() == 0) {
                done.complete(sum.get());
            }
        }

        @Override
        public void failed(Throwable error) {
            done.completeExceptionally(error);
        }

        long await(List<WorkerProcess> workers) throws Exception {
            try {
                return done.get(Timeouts.BATCH.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                workers.forEach(w -> w.child().kill());
                throw new TimeoutException("worker processes did not finish a batch within " + Timeouts.BATCH
                        + " (see -Dcorescale.exec.timeoutSeconds); killed them");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                throw c instanceof Exception ex ? ex : new ExecutionException(c);
            }
        }
    }
}
