package corescale.benchmarks.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The fork's handle on the loopback service child JVM ({@link LoopbackServiceMain}): started at trial
 * setup, outside the measured JVM (and, on Linux, outside its CPU restriction, see {@link ChildJvm}),
 * stopped at teardown.
 */
public final class LoopbackService implements AutoCloseable {

    private final ChildProcess child;
    private final int port;
    private final long startupNanos;

    private LoopbackService(ChildProcess child, int port, long startupNanos) {
        this.child = child;
        this.port = port;
        this.startupNanos = startupNanos;
    }

    /** Starts a service that answers each request after {@code delayMs}; waits until it listens. */
    public static LoopbackService start(double delayMs) throws IOException {
        long t0 = System.nanoTime();
        ChildProcess child = ChildJvm.startService("loopback-service", LoopbackServiceMain.class,
                List.of(Double.toString(delayMs)));
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(child.stdout(), StandardCharsets.US_ASCII));
            String line = Deadlines.call("PORT line from the loopback service", Timeouts.CHILD_START, child::kill,
                    reader::readLine);
            if (line == null || !line.startsWith("PORT ")) {
                throw new IOException("expected 'PORT <n>' from the loopback service, got " + line);
            }
            int port = Integer.parseInt(line.substring(5).trim());
            ExecTrace.record("port", port);
            return new LoopbackService(child, port, System.nanoTime() - t0);
        } catch (IOException | RuntimeException e) {
            String account = child.describe(Duration.ofSeconds(2));
            child.kill();
            child.stop();
            throw new IOException("the loopback service did not start: " + e.getMessage() + "; " + account, e);
        }
    }

    public int port() {
        return port;
    }

    public long startupNanos() {
        return startupNanos;
    }

    public ChildProcess child() {
        return child;
    }

    /** Throws with the child's account if the service has died. */
    public void checkAlive() {
        if (!child.isAlive()) {
            throw new IllegalStateException("the loopback service died: " + child.describe(Duration.ZERO)
                    + "; the requests failed because of that");
        }
    }

    /**
     * Stops the service: end of its stdin, bounded wait, kill if needed. Throws if it did not exit
     * cleanly (code 0), after making sure it is gone.
     */
    @Override
    public void close() {
        boolean wasAlive = child.isAlive();
        String account = wasAlive ? "" : child.describe(Duration.ZERO);
        int code = child.stop();
        if (!wasAlive) {
            throw new IllegalStateException("the loopback service had died before teardown: " + account);
        }
        if (code != 0) {
            throw new IllegalStateException("the loopback service did not stop cleanly (exit " + code
                    + ", negative means killed after " + Timeouts.CHILD_STOP + ")");
        }
    }
}
