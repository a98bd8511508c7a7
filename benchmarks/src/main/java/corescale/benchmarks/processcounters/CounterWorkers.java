package corescale.benchmarks.processcounters;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

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
 *
 * <p>Within an iteration the workers never wait for the parent: they increment from the iteration's
 * first operation until it is stopped, and the parent only reads their tallies, waking every
 * {@link #POLL_NANOS}. Releasing and collecting them for every batch, as this class once did, cost
 * about 10 µs of the one core's time per batch of 20,000: a fifth of atomicAdd's batch at one core.
 */
final class CounterWorkers implements AutoCloseable {

    private final List<ChildProcess> children;
    private final SharedMapping mapping;
    private final PosixSemaphores.Semaphore semaphore;
    private final int processes;
    private final long startupNanos;
    private final List<Thread> readers = new ArrayList<>();
    private volatile String failure;
    private volatile boolean closing;
    /** The last iteration released, and whether it is still running. */
    private long iteration;
    private boolean running;
    /** The tallies' sum when this iteration was started; the increments awaited and last seen since. */
    private long madeAtStart;
    private long awaited;
    private long seen;

    private CounterWorkers(List<ChildProcess> children, SharedMapping mapping, PosixSemaphores.Semaphore semaphore,
                           long startupNanos) {
        this.children = children;
        this.mapping = mapping;
        this.semaphore = semaphore;
        this.processes = children.size();
        this.startupNanos = startupNanos;
    }

    /**
     * How often the parent looks at the tallies while it waits. By estimate: a wake-up costs a few µs
     * of a core, under 0.5% at one core, and the iteration's last operation ends up to this (and a
     * chunk) late, which counts its time but not the increments made meanwhile: under 1% of a 200 ms
     * iteration. See docs/execution-models.md for what was measured.
     */
    static final long POLL_NANOS = 1_000_000;

    /** Starts the workers and waits until each has opened the mapping (and semaphore), then removes their names. */
    static CounterWorkers start(ProcessVariant variant, int processes, long workInside, long workOutside)
            throws IOException {
        long t0 = System.nanoTime();
        List<ChildProcess> children = new ArrayList<>();
        SharedMapping mapping = null;
        PosixSemaphores posix = variant.usesPosixSemaphore() ? PosixSemaphores.load() : null;
        String semaphoreName = "";
        PosixSemaphores.Semaphore semaphore = null;
        try {
            for (int i = 0; i < processes; i++) {
                children.add(ChildJvm.startMeasured("counter-worker-" + i, CounterWorkerMain.class, List.of(variant.name(),
                        Long.toString(workInside), Long.toString(workOutside), Integer.toString(i))));
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

    /** One daemon thread per worker, blocked on its stdout, which carries nothing more: it wakes only if the worker ends. */
    private void startReaders() {
        for (ChildProcess c : children) {
            readers.add(Thread.ofPlatform().daemon(true).name(ExecTrace.THREAD_PREFIX + "counter-reader-" + c.name())
                    .start(() -> read(c)));
        }
    }

    private void read(ChildProcess c) {
        try {
            int b = c.stdout().read();
            if (!closing) {
                failure = c.name() + (b < 0 ? " closed its stdout: " : " sent byte " + b + ": ") + c.describe(Duration.ofSeconds(2));
            }
        } catch (IOException e) {
            if (!closing) {
                failure = c.name() + " could not be read (" + e + "): " + c.describe(Duration.ofSeconds(2));
            }
        }
    }

    String describeStartup() {
        return String.format(Locale.ROOT, "%d worker JVMs ready in %.1f ms (start-up, not measured)", processes, startupNanos / 1e6);
    }

    /** Starts an iteration's account: the counter back to 0, the tallies noted. Workers are idle here. */
    void startIteration() {
        mapping.set(SharedMapping.COUNTER, 0);
        madeAtStart = made();
        awaited = 0;
        seen = 0;
    }

    /**
     * Returns once the workers have made {@code k} more increments this iteration; the first call
     * releases them. Fails if a worker has died, or if the count has not grown for {@link Timeouts#BATCH}.
     */
    void awaitIncrements(long k) throws IOException, TimeoutException {
        if (!running) {
            running = true;
            mapping.set(SharedMapping.RUN, ++iteration);
        }
        awaited += k;
        long lastGrowth = System.nanoTime();
        while (seen < awaited) {
            LockSupport.parkNanos(POLL_NANOS);
            long now = made() - madeAtStart;
            if (now > seen) {
                seen = now;
                lastGrowth = System.nanoTime();
            }
            checkAlive(lastGrowth, "made no increment");
        }
    }

    /** Stops the iteration and waits until every worker has: then the tallies and the counter are final. */
    void stopIteration() throws IOException, TimeoutException {
        if (!running) {
            return;
        }
        running = false;
        mapping.set(SharedMapping.STOP, iteration);
        long since = System.nanoTime();
        while (mapping.get(SharedMapping.STOPPED) < iteration * processes) {
            LockSupport.parkNanos(20_000);
            checkAlive(since, "did not stop");
        }
    }

    private void checkAlive(long since, String what) throws IOException, TimeoutException {
        String f = failure;
        if (f != null) {
            throw new IOException("a counter worker failed: " + f);
        }
        if (System.nanoTime() - since > Timeouts.BATCH.toNanos()) {
            children.forEach(ChildProcess::kill);
            throw new TimeoutException("the counter workers " + what + " for " + Timeouts.BATCH
                    + " (see -Dcorescale.exec.timeoutSeconds); killed them");
        }
    }

    /** Increments made in this iteration: final once stopped, published in chunks while the workers run. */
    long madeThisIteration() {
        return made() - madeAtStart;
    }

    /** Increments made in this iteration that the counter does not hold. Workers are stopped here. */
    long lostThisIteration() {
        return madeThisIteration() - mapping.get(SharedMapping.COUNTER);
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
