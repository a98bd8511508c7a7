package corescale.benchmarks.exec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fork's handle on one {@link WorkerMain} child: it writes tasks to the child's stdin and a
 * reader thread ({@code corescale-worker-reader-...}, daemon) matches each reply with the task that
 * asked for it, in order. Several threads may submit at once. When the child dies, or a reply cannot
 * be read, every pending and later task fails at once with an account of the child (exit code,
 * stderr); nothing waits for a reply that cannot come.
 */
public final class WorkerProcess implements AutoCloseable {

    /** Receives the reply to one task, on the reader thread. */
    public interface Sink {
        /** @param latencyNanos for an io task, the request latencies the worker observed, summed; else 0 */
        void result(long value, long latencyNanos);

        void failed(Throwable error);
    }

    private final ChildProcess child;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final Queue<Sink> pending = new ConcurrentLinkedQueue<>();
    private final Object writeLock = new Object();
    private final Thread reader;
    private final int availableProcessors;
    private volatile Throwable dead;

    private WorkerProcess(ChildProcess child, int availableProcessors) {
        this.child = child;
        this.availableProcessors = availableProcessors;
        this.out = new DataOutputStream(new BufferedOutputStream(child.stdin(), 1 << 16));
        this.in = new DataInputStream(new BufferedInputStream(child.stdout(), 1 << 16));
        this.reader = Thread.ofPlatform().daemon(true).name(ExecTrace.THREAD_PREFIX + "worker-reader-" + child.name())
                .unstarted(this::readReplies);
    }

    /**
     * Starts a worker JVM (a measured child, see {@link ChildJvm}) and waits until it says it is
     * ready, at most {@link Timeouts#CHILD_START}.
     */
    public static WorkerProcess start(String name) throws IOException {
        int processors;
        ChildProcess child = ChildJvm.startMeasured(name, WorkerMain.class, List.of());
        try {
            DataInputStream handshake = new DataInputStream(child.stdout());
            int[] hello = Deadlines.call("the ready signal of worker " + name, Timeouts.CHILD_START, child::kill,
                    () -> new int[] {handshake.readInt(), handshake.readInt()});
            int magic = hello[0];
            processors = hello[1];
            if (magic != WorkerProtocol.READY_MAGIC) {
                throw new IOException("worker " + name + " sent " + Integer.toHexString(magic)
                        + " instead of its ready signal: is something else on its stdout?");
            }
        } catch (IOException | RuntimeException e) {
            String account = child.describe(Duration.ofSeconds(2));
            child.kill();
            child.stop();
            throw new IOException("worker " + name + " did not start: " + e.getMessage() + "; " + account, e);
        }
        WorkerProcess worker = new WorkerProcess(child, processors);
        worker.reader.start();
        return worker;
    }

    /** {@code Runtime.availableProcessors()} as the child JVM sees it. */
    public int availableProcessors() {
        return availableProcessors;
    }

    public ChildProcess child() {
        return child;
    }

    /** Queues one cpu task; {@link #flush()} sends what is queued. */
    public void submitCpu(long seed, int work, Sink sink) {
        synchronized (writeLock) {
            failIfDead();
            pending.add(sink);
            drainIfDead();
            try {
                out.writeByte(WorkerProtocol.OP_CPU);
                out.writeLong(seed);
                out.writeInt(work);
            } catch (IOException e) {
                die(new IOException("cannot send a task to the worker: " + e, e));
            }
        }
    }

    /** Queues one io task: {@code count} requests, one after another, to the service on {@code port}. */
    public void submitIo(int port, int count, long firstId, Sink sink) {
        synchronized (writeLock) {
            failIfDead();
            pending.add(sink);
            drainIfDead();
            try {
                out.writeByte(WorkerProtocol.OP_IO);
                out.writeInt(port);
                out.writeInt(count);
                out.writeLong(firstId);
            } catch (IOException e) {
                die(new IOException("cannot send a task to the worker: " + e, e));
            }
        }
    }

    /** Sends every queued task to the child. */
    public void flush() {
        synchronized (writeLock) {
            failIfDead();
            try {
                out.flush();
            } catch (IOException e) {
                die(new IOException("cannot send tasks to the worker: " + e, e));
            }
        }
    }

    /** Runs one io task and waits for its result, at most {@code timeout}. */
    public long callIo(int port, int count, long firstId, Duration timeout) throws IOException {
        CompletableFuture<Long> reply = new CompletableFuture<>();
        submitIo(port, count, firstId, futureSink(reply));
        flush();
        return await(reply, timeout);
    }

    /** A sink that completes {@code f} with the task's result or its failure. */
    static Sink futureSink(CompletableFuture<Long> f) {
        return new Sink() {
            @Override
            public void result(long value, long latencyNanos) {
                f.complete(value);
            }

            @Override
            public void failed(Throwable error) {
                f.completeExceptionally(error);
            }
        };
    }

    private long await(CompletableFuture<Long> reply, Duration timeout) throws IOException {
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            child.kill();
            throw new IOException("worker " + child.name() + " gave no reply within " + timeout + "; killed it");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for worker " + child.name(), e);
        }
    }

    private void failIfDead() {
        Throwable d = dead;
        if (d != null) {
            throw new IllegalStateException(d.getMessage(), d);
        }
    }

    private void readReplies() {
        try {
            while (true) {
                int status = in.read();
                if (status < 0) {
                    throw new EOFException("the worker closed its stdout");
                }
                Sink sink = pending.poll();
                if (status == WorkerProtocol.STATUS_OK || status == WorkerProtocol.STATUS_OK_IO) {
                    long value = in.readLong();
                    long latency = status == WorkerProtocol.STATUS_OK_IO ? in.readLong() : 0;
                    if (sink == null) {
                        throw new IOException("the worker sent a reply to no task");
                    }
                    sink.result(value, latency);
                } else if (status == WorkerProtocol.STATUS_ERROR) {
                    String message = in.readUTF();
                    if (sink != null) {
                        sink.failed(new IOException("worker " + child.name() + ": " + message));
                    }
                } else {
                    throw new IOException("the worker sent status byte " + status + ": the protocol is broken");
                }
            }
        } catch (IOException | RuntimeException e) {
            die(e);
        }
    }

    /** Marks the worker dead (once) and fails every pending task with an account of it. */
    private void die(Throwable cause) {
        synchronized (this) {
            if (dead == null) {
                boolean expected = closing;
                String account = expected ? "worker " + child.name() + " was closed"
                        : "worker " + child.name() + " failed (" + cause.getMessage() + "): "
                                + child.describe(Duration.ofSeconds(2));
                dead = new IOException(account, cause);
            }
        }
        child.kill();
        drainIfDead();
    }

    /** Fails every pending task if the worker is dead (also called after each add: no sink is lost). */
    private void drainIfDead() {
        Throwable d = dead;
        if (d == null) {
            return;
        }
        Sink s;
        while ((s = pending.poll()) != null) {
            s.failed(d);
        }
    }

    private volatile boolean closing;

    /**
     * Asks the child to exit (OP_EXIT, then end of input), waits for it and for the reader thread,
     * bounded; kills the child if it does not go ({@link #exitCode()} then tells which).
     */
    @Override
    public void close() {
        closing = true;
        synchronized (writeLock) {
            try {
                out.writeByte(WorkerProtocol.OP_EXIT);
                out.flush();
            } catch (IOException ignored) {
                // already gone
            }
        }
        child.stop();
        try {
            reader.join(Timeouts.CHILD_STOP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        die(new IOException("closed"));
    }

    /** The child's exit code after {@link #close()}: 0 when it exited as asked; -1 while it runs. */
    public int exitCode() {
        return child.process().isAlive() ? -1 : child.process().exitValue();
    }
}
