package corescale.benchmarks.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import corescale.results.CpuList;

/**
 * The fork's handle on the loopback service child JVM ({@link LoopbackServiceMain}): started at trial
 * setup, outside the measured JVM (and, on Linux, on CPUs the fork does not use when there are any,
 * see {@link ServiceCpus}), stopped at teardown.
 */
public final class LoopbackService implements AutoCloseable {

    private final ChildProcess child;
    private final int port;
    private final String cpus;
    private final int loops;
    private final long startupNanos;

    private LoopbackService(ChildProcess child, int port, String cpus, int loops, long startupNanos) {
        this.child = child;
        this.port = port;
        this.cpus = cpus;
        this.loops = loops;
        this.startupNanos = startupNanos;
    }

    /** The CPUs the service may run on, as it reported them ({@code unknown} off Linux). */
    public String cpus() {
        return cpus;
    }

    /** Its event loops (one per CPU it may use). */
    public int loops() {
        return loops;
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
            String[] words = line == null ? new String[0] : line.trim().split(" ");
            if (words.length != 6 || !words[0].equals("PORT") || !words[2].equals("CPUS") || !words[4].equals("LOOPS")) {
                throw new IOException("expected 'PORT <n> CPUS <list> LOOPS <n>' from the loopback service, got " + line);
            }
            int port = Integer.parseInt(words[1]);
            ExecTrace.record("port", port);
            ExecTrace.record("service-cpus", words[3]);
            ServiceCpus.allowed(Path.of("/proc/self/status"))
                    .ifPresent(own -> ExecTrace.record("fork-cpus", CpuList.format(own)));
            return new LoopbackService(child, port, words[3], Integer.parseInt(words[5]), System.nanoTime() - t0);
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
