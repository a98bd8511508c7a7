package corescale.benchmarks.exec;

/**
 * The pipe protocol between a fork and its child workers ({@link WorkerMain}), big-endian
 * {@link java.io.DataOutputStream} frames.
 *
 * <pre>
 * child → parent, once at start:   int READY_MAGIC, int availableProcessors (as the child sees them)
 * parent → child, per task:        byte op, then
 *     OP_CPU:  long seed, int work              → one reply: CpuTask.compute(seed, work)
 *     OP_IO:   int port, int count, long firstId → one reply: sum of the service's answers to
 *              requests firstId .. firstId+count-1, made one after another on one connection, and
 *              the sum of their latencies (ns, send to answer, as the worker observed them)
 *     OP_EXIT: (nothing)                         → no reply; the child exits 0
 * child → parent, per task, in order: byte STATUS_OK, long value (cpu)
 *                                   | byte STATUS_OK_IO, long value, long latencyNanos (io)
 *                                   | byte STATUS_ERROR, UTF message
 * </pre>
 * The child also exits 0 at end of input (its parent closed the pipe or died), and exits 2 on an
 * unknown op. Replies come in the order of the tasks, so the parent matches them with a FIFO.
 */
public final class WorkerProtocol {

    public static final int READY_MAGIC = 0x43535731; // "CSW1"

    public static final byte OP_EXIT = 0;
    public static final byte OP_CPU = 1;
    public static final byte OP_IO = 2;

    public static final byte STATUS_OK = 0;
    public static final byte STATUS_ERROR = 1;
    public static final byte STATUS_OK_IO = 2;

    private WorkerProtocol() {
    }
}
