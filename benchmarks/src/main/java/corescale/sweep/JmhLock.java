package corescale.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * JMH's own lock: a JMH run holds {@code jmh.lock} in the JVM's temporary folder while it measures, so
 * that two runs never measure beside each other and spoil both runs' numbers. {@code run} looks at it
 * before it makes a run folder, as JMH's runner does (and, like it, not with {@code -Djmh.ignoreLock=true});
 * a run that another takes the lock from later stops at its next point ({@link Sweep}).
 */
public final class JmhLock {

    /** The message that JMH's runner writes when it cannot take the lock, and by which a failed point is told from others. */
    static final String JMH_SAYS = "JMH lock";

    private JmhLock() {
    }

    /** What to tell the user when another process holds the lock; empty when it is free (or to be ignored). */
    public static Optional<String> heldElsewhere() {
        if (Boolean.getBoolean("jmh.ignoreLock")) {
            return Optional.empty();
        }
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null ? Optional.empty() : Optional.of("another JMH run holds JMH's lock (" + file
                    + "): measuring beside it would spoil both runs' numbers, so nothing was started; run again when it"
                    + " has ended (or start java with -Djmh.ignoreLock=true to measure anyway)");
        } catch (OverlappingFileLockException e) {
            return Optional.empty(); // this JVM holds it, as a test's JVM may
        } catch (IOException e) {
            return Optional.empty(); // not ours to judge: JMH's runner says what is wrong with the file
        }
    }
}
