package corescale.benchmarks.processcounters;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import corescale.benchmarks.exec.ChildJvm;
import corescale.benchmarks.exec.ChildProcess;
import corescale.benchmarks.exec.Deadlines;
import corescale.benchmarks.exec.ExecTrace;
import corescale.benchmarks.exec.Timeouts;

/**
 * The parent's side of {@link ProcessCounters}: {@code processes} worker JVMs ({@link CounterWorkerMain},
 * measured children started through {@link ChildJvm}) sharing one {@link SharedMapping} and, for the
 * POSIX variants, one named semaphore. Nothing is left behind: the mapping file and the semaphore's
 * name are removed as soon as every worker has opened them, and the workers exit when their stdin
 * closes, at {@link #close()} or when the fork dies.
 */
final class CounterWorkers implements AutoCloseable {

    private final List<ChildProcess> children;
    private final SharedMapping mapping;
    private final PosixSemaphores.Semaphore semaphore;
    private final int processes;
    private final long startupNanos;
    /** One permit per finished batch, released by the reader of the worker that finished it last. */
    private final Semaphore batchesDone = new Semaphore(0);
    private final List<Thread> readers = new ArrayList<>();
    private volatile String failure;
    private volatile boolean closing;
    private long batch;
    private long madeAtMark;

    private CounterWorkers(List<ChildProcess> children, SharedMapping mapping, PosixSemaphores.Semaphore semaphore,
                           long startupNanos) {
        this.children = children;
        this.mapping = mapping;
        this.semaphore = semaphore;
        this.processes = children.size();
        this.startupNanos = startupNanos;
    }

    /**
     * Starts the workers and waits until each has opened the mapping (and semaphore), then removes
     * their names. Increments per batch are spread as evenly as they go: {@code k / processes} each,
     * one more for the first {@code k % processes}.
     */
    static CounterWorkers start(ProcessVariant variant, int processes, long workInside, long workOutside, int k)
            throws IOException {
        long t0 = System.nanoTime();
        List<ChildProcess> children = new ArrayList<>();
        SharedMapping mapping = null;
        PosixSemaphores posix = variant.usesPosixSemaphore() ? PosixSemaphores.load() : null;
        String semaphoreName = "";
        PosixSemaphores.Semaphore semaphore = null;
        try {
            for (int i = 0; i < processes; i++) {
                long share = k / processes + (i < k % processes ? 1 : 0);
                children.add(ChildJvm.startMeasured("counter-worker-" + i, CounterWorkerMain.class, List.of(variant.name(),
                        Long.toString(workInside), Long.toString(workOutside), Integer.toString(i),
                        Integer.toString(processes), Long.toString(share))));
            }
            for (ChildProcess c : children) {
                expect(c, CounterWorkerMain.ALIVE, "ready signal", Timeouts.CHILD_START);
            }
            // Created only now that every worker is up: the names exist for milliseconds.
            mapping = SharedMapping.create(processes);
            if (posix != null) {
                semaphoreName = "/corescale-" + ProcessHandle.current().pid() + "-"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt() >>> 1);
                semaphore = posix.create(semaphoreName, variant.permits(processes));
            }
            for (ChildProcess c : children) {
                DataOutputStream out = new DataOutputStream(c.stdin());
                out.writeUTF(mapping.file().toString());
                out.writeUTF(semaphoreName);
                out.flush();
            }
            for (ChildProcess c : children) {
                expect(c, CounterWorkerMain.OPENED, "'mapping opened' signal", Timeouts.CHILD_START);
            }
            mapping.deleteFile();
            if (posix != null) {
                posix.unlink(semaphoreName);
                semaphoreName = "";
            }
            CounterWorkers workers = new CounterWorkers(children, mapping, semaphore, System.nanoTime() - t0);
            workers.startReaders();
            return workers;
        } catch (IOException | RuntimeException e) {
            children.forEach(ChildProcess::kill);
            children.forEach(ChildProcess::stop);
            if (mapping != null) {
                mapping.deleteFile();
            }
            if (!semaphoreName.isEmpty()) {
                posix.unlink(semaphoreName);
            }
            if (semaphore != null) {
                semaphore.close();
            }
            throw e;
        }
    }

    private static void expect(ChildProcess c, int magic, String what, Duration timeout) throws IOException {
        DataInputStream in = new DataInputStream(c.stdout());
        int got = Deadlines.call("the " + what + " of " + c.name(), timeout, c::kill, in::readInt);
        if (got != magic) {
            throw new IOException(c.name() + " sent " + Integer.toHexString(got) + " instead of its " + what
                    + ": " + c.describe(Duration.ofSeconds(2)));
        }
    }

    /** One daemon thread per worker, blocked on its stdout; it wakes only for the last finisher's byte. */
    private void startReaders() {
        for (ChildProcess c : children) {
            readers.add(Thread.ofPlatform().daemon(true).name(ExecTrace.THREAD_PREFIX + "counter-reader-" + c.name())
                    .start(() -> read(c)));
        }
    }

    private void read(ChildProcess c) {
        InputStream in = c.stdout();
        try {
            int b;
            while ((b = in.read()) == CounterWorkerMain.DONE_SIGNAL) {
                batchesDone.release();
            }
            if (!closing) {
                failure = c.name() + (b < 0 ? " closed its stdout: " : " sent byte " + b + ": ") + c.describe(Duration.ofSeconds(2));
            }
        } catch (IOException e) {
            if (!closing) {
                failure = c.name() + " could not be read (" + e + "): " + c.describe(Duration.ofSeconds(2));
            }
        }
        batchesDone.release(); // wake a waiting batch, which then sees the failure
    }

    /** The workers' process ids, for the leak tests. */
    List<Long> pids() {
        return children.stream().map(ChildProcess::pid).toList();
    }

    String describeStartup() {
        return String.format("%d worker JVMs ready in %.1f ms (start-up, not measured)", processes, startupNanos / 1e6);
    }

    /** Releases every worker for the next batch and waits until the last has finished it. */
    void runBatch() throws Exception {
        mapping.set(SharedMapping.GO, ++batch);
        boolean done = batchesDone.tryAcquire(Timeouts.BATCH.toMillis(), TimeUnit.MILLISECONDS);
        String f = failure;
        if (f != null) {
            throw new IOException("a counter worker failed: " + f);
        }
        if (!done) {
            children.forEach(ChildProcess::kill);
            throw new TimeoutException("the counter workers did not finish a batch within " + Timeouts.BATCH
                    + " (see -Dcorescale.exec.timeoutSeconds); killed them");
        }
    }

    /** Starts an iteration's account: the counter back to 0, the tallies noted. Workers are idle here. */
    void mark() {
        mapping.set(SharedMapping.COUNTER, 0);
        madeAtMark = made();
    }

    /** Increments made since {@link #mark()}. Workers are idle here. */
    long madeSinceMark() {
        return made() - madeAtMark;
    }

    /** Increments made since {@link #mark()} that the counter does not hold. Workers are idle here. */
    long lostSinceMark() {
        return madeSinceMark() - mapping.get(SharedMapping.COUNTER);
    }

    int processes() {
        return processes;
    }

    private long made() {
        long sum = 0;
        for (int i = 0; i < processes; i++) {
            sum += mapping.get(SharedMapping.FIRST_MADE + i);
        }
        return sum;
    }

    /** Stops every worker (end of stdin; killed after {@link Timeouts#CHILD_STOP}) and closes the semaphore. */
    @Override
    public void close() {
        closing = true;
        children.forEach(ChildProcess::stop);
        for (Thread r : readers) {
            try {
                r.join(Timeouts.CHILD_STOP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (semaphore != null) {
            semaphore.close();
        }
        try {
            mapping.channel().close();
        } catch (IOException ignored) {
            // its name is gone already; the memory goes with the mapping
        }
    }
}
