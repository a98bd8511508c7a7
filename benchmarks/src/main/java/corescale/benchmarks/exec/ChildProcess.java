package corescale.benchmarks.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A started child JVM: its process, and its stderr in a temporary file. {@link #close()} asks it to
 * stop by closing its stdin (every child main exits at end of input), waits a bounded time, then kills
 * it; so a child never outlives its owner, and if the owner itself dies the pipe closes and the child
 * exits too.
 */
public final class ChildProcess implements AutoCloseable {

    private static final int STDERR_TAIL = 2000;

    private final String name;
    private final Process process;
    private final Path stderr;
    private volatile boolean closed;

    ChildProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** The child's stdin. */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** The child's stdout. */
    public InputStream stdout() {
        return process.getInputStream();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * A one-line account of the child for error messages: whether and how it exited (waiting up to
     * {@code wait} for it), and the tail of its stderr.
     */
    public String describe(Duration wait) {
        StringBuilder sb = new StringBuilder("child ").append(name).append(" (pid ").append(process.pid()).append(") ");
        try {
            if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                sb.append("exited with code ").append(process.exitValue());
            } else {
                sb.append("is still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sb.append("state unknown (interrupted)");
        }
        String tail = stderrTail();
        if (!tail.isEmpty()) {
            sb.append("; its stderr ends with: ").append(tail);
        }
        return sb.toString();
    }

    /** The last part of what the child wrote to stderr, on one line. */
    public String stderrTail() {
        try {
            if (!Files.exists(stderr)) {
                return "";
            }
            byte[] all = Files.readAllBytes(stderr);
            int from = Math.max(0, all.length - STDERR_TAIL);
            String s = new String(all, from, all.length - from, StandardCharsets.UTF_8).strip();
            return s.replace(System.lineSeparator(), " | ").replace("\n", " | ");
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /** Kills the child now (used on timeouts and failures); {@link #close()} still cleans up. */
    public void kill() {
        process.destroyForcibly();
    }

    /**
     * Closes stdin, waits up to {@link Timeouts#CHILD_STOP} for the child to exit, kills it if it did
     * not, and deletes its stderr file. Returns the exit code (negative if it had to be killed).
     */
    public int stop() {
        if (closed) {
            return process.isAlive() ? -1 : process.exitValue();
        }
        closed = true;
        try {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // already gone: fine
            }
            boolean exited = process.waitFor(Timeouts.CHILD_STOP.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly();
                process.waitFor(Timeouts.CHILD_STOP.toMillis(), TimeUnit.MILLISECONDS);
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        } finally {
            closeQuietly(process.getInputStream());
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException ignored) {
                // a temp file; nothing better to do
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on the way out
        }
    }
}
