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
 * then, per batch b = 1, 2, ...: the worker waits until the mapping's GO word reaches b, makes its
 * share of increments, adds them to its tally word, counts itself in DONE; the worker that brings
 * DONE to b × processes writes one byte DONE_SIGNAL: one wake-up of the parent per batch.
 * </pre>
 * The worker exits when its stdin ends (the parent stopped it, or died): it never outlives its fork.
 */
public final class CounterWorkerMain {

    static final int ALIVE = 0x43535041; // "CSPA"
    static final int OPENED = 0x4353504F; // "CSPO"
    static final int DONE_SIGNAL = 'D';

    private CounterWorkerMain() {
    }

    /** Arguments: variant, workInside, workOutside, worker index, processes, increments per batch. */
    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: CounterWorkerMain variant workInside workOutside index processes share");
            System.exit(2);
        }
        ProcessVariant variant = ProcessVariant.of(args[0]);
        long workInside = Long.parseLong(args[1]);
        long workOutside = Long.parseLong(args[2]);
        int index = Integer.parseInt(args[3]);
        int processes = Integer.parseInt(args[4]);
        long share = Long.parseLong(args[5]);

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
        for (long batch = 1; ; batch++) {
            mapping.awaitRelease(batch);
            for (long i = 0; i < share; i++) {
                Increments.work(workOutside);
                increments.increment(workInside);
            }
            made += share;
            mapping.set(tally, made);
            if (mapping.getAndAdd(SharedMapping.DONE, 1) + 1 == batch * processes) {
                out.write(DONE_SIGNAL);
                out.flush();
            }
        }
    }
}
