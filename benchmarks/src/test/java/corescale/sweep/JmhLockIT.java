package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another JMH run on the machine holds JMH's lock: {@code run} says so in one line and exits 1 before it
 * makes a folder or starts a fork (the canary's included), rather than fail at its first point after
 * the canary tried three times. The lock is JMH's own, {@code jmh.lock} in the JVM's temporary folder:
 * this test gives the run a folder of its own and holds the lock there, so that it neither waits for
 * nor blocks any other JMH run on the machine.
 */
class JmhLockIT {

    @TempDir
    Path dir;

    @Test
    void aRunStopsWhenAnotherJmhRunHoldsTheLock() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path runDir = dir.resolve("run");
        Path console = dir.resolve("console.txt");
        List<String> command = new ArrayList<>(TestSweeps.jarCommand("run", "selftest.Fast", "--cores", "1", "-f", "1", "-wi", "0",
                "-i", "1", "-r", "100ms", "--out", runDir.toString()));
        command.remove("-Djmh.ignoreLock=true");
        command.add(1, "-Djava.io.tmpdir=" + tmp);
        try (FileChannel channel = FileChannel.open(tmp.resolve("jmh.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the run ended");
            String out = Files.readString(console);
            assertEquals(1, run.exitValue(), out);
            List<String> lines = out.lines().filter(l -> !l.startsWith("corescale: this java is")).toList();
            assertEquals(1, lines.size(), out);
            assertTrue(lines.get(0).startsWith("another JMH run holds JMH's lock (" + tmp.resolve("jmh.lock") + ")"), out);
            assertFalse(Files.exists(runDir), "no run folder: " + out);
            assertTrue(held.isValid(), "the lock was never taken from its holder");
        }
    }
}
