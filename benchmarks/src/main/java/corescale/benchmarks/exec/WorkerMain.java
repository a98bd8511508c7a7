package corescale.benchmarks.exec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The child worker process of the cpu and io families: this same jar started with this main.
 * It runs one task at a time, in order, as read from stdin, and writes one reply per task to stdout
 * (see {@link WorkerProtocol}). Replies are flushed whenever no further task is waiting in the pipe,
 * so a batch costs a few system calls, not two per task. It exits at end of input, so it never
 * outlives the fork that started it.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        // stdout carries the protocol: anything else printed by mistake goes to stderr
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        out.writeInt(WorkerProtocol.READY_MAGIC);
        out.writeInt(Runtime.getRuntime().availableProcessors());
        out.flush();

        BlockingConnection connection = null;
        int connectedPort = -1;
        try {
            while (true) {
                if (in.available() == 0) {
                    out.flush();
                }
                int op = in.read();
                if (op < 0 || op == WorkerProtocol.OP_EXIT) {
                    out.flush();
                    return;
                }
                switch (op) {
                    case WorkerProtocol.OP_CPU -> {
                        long seed = in.readLong();
                        int work = in.readInt();
                        out.writeByte(WorkerProtocol.STATUS_OK);
                        out.writeLong(CpuTask.compute(seed, work));
                    }
                    case WorkerProtocol.OP_IO -> {
                        int port = in.readInt();
                        int count = in.readInt();
                        long firstId = in.readLong();
                        try {
                            if (connection == null || port != connectedPort) {
                                if (connection != null) {
                                    connection.close();
                                }
                                connection = null;
                                connection = new BlockingConnection(port);
                                connectedPort = port;
                            }
                            long sum = 0;
                            long latency = 0;
                            for (int i = 0; i < count; i++) {
                                long t0 = System.nanoTime();
                                sum += connection.call(firstId + i);
                                latency += System.nanoTime() - t0;
                            }
                            out.writeByte(WorkerProtocol.STATUS_OK_IO);
                            out.writeLong(sum);
                            out.writeLong(latency);
                        } catch (IOException | RuntimeException e) {
                            if (connection != null) {
                                connection.close();
                                connection = null;
                            }
                            out.writeByte(WorkerProtocol.STATUS_ERROR);
                            out.writeUTF("io task failed in worker: " + e);
                        }
                    }
                    default -> {
                        System.err.println("corescale worker: unknown op " + op + "; the parent and worker disagree on the protocol");
                        System.exit(2);
                    }
                }
            }
        } catch (EOFException e) {
            // the parent went away mid-frame: nothing to answer
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
