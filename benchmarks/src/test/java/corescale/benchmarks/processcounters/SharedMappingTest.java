package corescale.benchmarks.processcounters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedMappingTest {

    @TempDir
    Path dir;

    @Test
    void everyWordHasItsOwn128ByteRegionStartingOnALine() {
        int[] regions = {SharedMapping.RUN, SharedMapping.COUNTER, SharedMapping.SPIN, SharedMapping.STOP,
                SharedMapping.STOPPED, SharedMapping.FIRST_MADE, SharedMapping.FIRST_MADE + 1};
        for (int i = 0; i < regions.length; i++) {
            assertEquals(0, SharedMapping.offset(regions[i]) % 128);
            for (int j = i + 1; j < regions.length; j++) {
                assertTrue(Math.abs(SharedMapping.offset(regions[i]) - SharedMapping.offset(regions[j])) >= 128,
                        "regions " + regions[i] + " and " + regions[j] + " share 128 bytes");
            }
        }
    }

    @Test
    void reaperDeletesOnlyWhatDeadProcessesLeft() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        long me = ProcessHandle.current().pid();
        Path deadMap = Files.createFile(dir.resolve(SharedMapping.FILE_PREFIX + gone.pid() + "-1f.map"));
        Path deadSem = Files.createFile(dir.resolve("sem.corescale-" + gone.pid() + "-2e"));
        Path liveMap = Files.createFile(dir.resolve(SharedMapping.FILE_PREFIX + me + "-3d.map"));
        Path liveSem = Files.createFile(dir.resolve("sem.corescale-" + me + "-4c"));
        Path other = Files.createFile(dir.resolve("sem.someone-else-" + gone.pid()));

        SharedMapping.reapStale(dir);

        assertFalse(Files.exists(deadMap));
        assertFalse(Files.exists(deadSem));
        assertTrue(Files.exists(liveMap));
        assertTrue(Files.exists(liveSem));
        assertTrue(Files.exists(other));
    }

    @Test
    void aMappingOpenedTwiceSharesItsWords() throws Exception {
        SharedMapping a = SharedMapping.create(2);
        try {
            SharedMapping b = SharedMapping.open(a.file());
            a.deleteFile();
            assertFalse(Files.exists(a.file()));
            a.set(SharedMapping.COUNTER, 41);
            assertEquals(41, b.getAndAdd(SharedMapping.COUNTER, 1));
            assertEquals(42, a.get(SharedMapping.COUNTER));
            assertTrue(b.compareAndSet(SharedMapping.SPIN, 0, 1));
            assertFalse(a.compareAndSet(SharedMapping.SPIN, 0, 1));
            b.channel().close();
        } finally {
            a.deleteFile();
            a.channel().close();
        }
    }
}
