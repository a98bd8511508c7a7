package corescale.benchmarks.processcounters;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A worker process of {@link ProcessCounters}: this jar started with this main by
 * {@link CounterWorkers}. Protocol (big-endian, over its stdin and stdout):
 *
 * <pre>
 * worker → parent: int ALIVE                       (the JVM is up)
 * parent → worker: UTF mapping path, UTF semaphore name ("" when none)
 * worker → parent: int OPENED                      (mapping and semaphore open: the parent may unlink both)
 * then, per iteration n = 1, 2, ...: the worker waits until the mapping's RUN word reaches n, then
 * increments in chunks of {@link #CHUNK}, adding each chunk to its tally word, until the STOP word
 * reaches n; then it counts itself in STOPPED. Nothing more passes over the pipes.
 * </pre>
 * The worker exits when its stdin ends (the parent stopped it, or died): it never outlives its fork.
 */
public final class CounterWorkerMain {

    static final int ALIVE = 0x43535041; // "CSPA"
    static final int OPENED = 0x4353504F; // "CSPO"

    /**
     * Increments between two looks at the STOP word, each chunk then added to the tally the parent
     * reads: 256 take about 0.5 µs for the fastest variant (so the look and the tally's store cost
     * about 0.2%) and 0.6 ms for fileLock at two cores (so the parent sees the count that late).
     */
    static final int CHUNK = 256;

    private CounterWorkerMain() {
    }

    /** Arguments: variant, workInside, workOutside, worker index. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: CounterWorkerMain variant workInside workOutside index");
            System.exit(2);
        }
        ProcessVariant variant = ProcessVariant.of(args[0]);
        long workInside = Long.parseLong(args[1]);
        long workOutside = Long.parseLong(args[2]);
        int index = Integer.parseInt(args[3]);

        // stdout carries the protocol: anything else printed by mistake goes to stderr
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(System.in);
        out.writeInt(ALIVE);
        out.flush();

        SharedMapping mapping = SharedMapping.open(Path.of(in.readUTF()));
        String semaphoreName = in.readUTF();
        PosixSemaphores.Semaphore semaphore = semaphoreName.isEmpty() ? null : PosixSemaphores.load().open(semaphoreName);
        Increments increments = Increments.of(variant, mapping, semaphore);
        out.writeInt(OPENED);
        out.flush();

        Thread exitAtEndOfInput = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing else is sent; wait for the end
                }
            } catch (IOException ignored) {
                // the pipe broke: the parent is gone
            }
            Runtime.getRuntime().halt(0);
        }, "corescale-counter-worker-stdin");
        exitAtEndOfInput.setDaemon(true);
        exitAtEndOfInput.start();

        int tally = SharedMapping.FIRST_MADE + index;
        long made = 0;
        for (long iteration = 1; ; iteration++) {
            mapping.awaitAtLeast(SharedMapping.RUN, iteration);
            made = runIteration(mapping, increments, iteration, tally, made, workInside, workOutside);
            mapping.getAndAdd(SharedMapping.STOPPED, 1);
        }
    }

    /**
     * Increments until the parent stops {@code iteration}; returns the tally. Its own method, and the
     * chunk's loop another, each called many times, so that C2 compiles them as methods: a loop inside
     * {@code main}, which never returns, is only ever compiled on-stack (OSR), and that made atomicAdd
     * at one core 1.6 times as costly (263 against 418 increments per µs, three alternating rounds).
     */
    static long runIteration(SharedMapping mapping, Increments increments, long iteration, int tally, long made,
                             long workInside, long workOutside) throws IOException {
        do {
            makeChunk(increments, workInside, workOutside);
            made += CHUNK;
            mapping.set(tally, made);
        } while (mapping.get(SharedMapping.STOP) < iteration);
        return made;
    }

    static void makeChunk(Increments increments, long workInside, long workOutside) throws IOException {
        for (int i = 0; i < CHUNK; i++) {
            Increments.work(workOutside);
            increments.increment(workInside);
        }
    }
}
