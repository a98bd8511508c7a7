package corescale.benchmarks.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Optional record of what the exec code starts, for the leak tests: with
 * {@code -Dcorescale.exec.trace=FILE} each child process id, each service port and, at trial
 * teardown, every {@code corescale-} thread still alive is appended to FILE as one line
 * {@code kind value}. Without the property this does nothing.
 */
public final class ExecTrace {

    /** Prefix of every thread the exec support and the benchmarks create. */
    public static final String THREAD_PREFIX = "corescale-";

    private static final String FILE = System.getProperty("corescale.exec.trace");

    private ExecTrace() {
    }

    public static boolean enabled() {
        return FILE != null && !FILE.isEmpty();
    }

    public static synchronized void record(String kind, Object value) {
        if (!enabled()) {
            return;
        }
        try {
            Files.writeString(Path.of(FILE), kind + " " + value + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the exec trace " + FILE, e);
        }
    }

    /** Records every live thread named {@code corescale-...} (there should be none) after a trial. */
    public static void recordLeftoverThreads(String where) {
        if (!enabled()) {
            return;
        }
        record("teardown", where);
        for (Thread t : leftoverThreads()) {
            try {
                t.join(1000); // a pool thread may still be on its way out right after awaitTermination
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!t.isAlive()) {
                continue;
            }
            record("thread", t.getName() + (t.isDaemon() ? " (daemon)" : " (non-daemon)") + " after " + where);
        }
    }

    /** Live platform threads whose name starts with {@link #THREAD_PREFIX}. */
    public static List<Thread> leftoverThreads() {
        List<Thread> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(THREAD_PREFIX)) {
                left.add(t);
            }
        }
        return left;
    }
}
