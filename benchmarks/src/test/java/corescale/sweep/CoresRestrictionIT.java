package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.results.ResultRow;

/** A JVM started at cores=1 sees one processor and, where the OS has affinity, may run on one CPU. */
class CoresRestrictionIT {

    @TempDir
    Path runDir;

    /** Run by the test in a child JVM started the way forks are: prints what it got. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(Runtime.getRuntime().availableProcessors());
            System.out.println(CoresRestriction.ownAllowedCpus().map(List::size).orElse(-1));
        }
    }

    @Test
    void aJvmStartedAtOneCoreSeesOneProcessorAndIsPinnedToOneCpu() throws Exception {
        CoresRestriction cores = CoresRestriction.detect();
        List<String> command = new ArrayList<>(List.of(cores.jvmFor(1)));
        command.addAll(cores.jvmArgs(1));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        List<String> lines = new String(probe.getInputStream().readAllBytes()).lines().toList();
        assertEquals("1", lines.get(0), "availableProcessors");
        if (cores.affinity()) {
            assertEquals("1", lines.get(1), "CPUs in the affinity mask");
        }
    }

    @Test
    void aForkAtOneCoreIsCheckedFromInsideAndRecordedAsSuch() throws Exception {
        JmhForks forks = TestSweeps.forks(TestSweeps.tiny(100), runDir, Duration.ofSeconds(60));
        Point point = TestSweeps.point("corescale.benchmarks.selftest.Fast.step", 1, 1, Map.of("variant", "a"));
        // JmhForks fails the point when the fork's own CoresCheck disagrees with cores=1.
        List<ResultRow> rows = forks.run(point, 1).rows();
        assertEquals(2, rows.size());
        for (ResultRow row : rows) {
            assertEquals(1, row.cores());
            assertEquals(CoresRestriction.detect().affinity(), row.affinity());
            assertTrue(List.of(row.jvmArgs().split(" ")).contains("-XX:ActiveProcessorCount=1"), row.jvmArgs());
        }
    }

    @Test
    void defaultCoreCountsDoubleUpToTheMaximum() {
        CoresRestriction eight = new CoresRestriction(List.of(0, 1, 2, 3, 4, 5, 6, 7), java.util.Optional.empty(), Path.of("java"));
        assertEquals(List.of(1, 2, 4, 8), eight.defaultCoreCounts());
        CoresRestriction six = new CoresRestriction(List.of(0, 1, 2, 3, 8, 9), java.util.Optional.empty(), Path.of("java"));
        assertEquals(List.of(1, 2, 4, 6), six.defaultCoreCounts());
        assertEquals(List.of(0, 1, 2, 3, 8), six.cpusFor(5), "the first CPUs of the allowed set, not 0..n-1");
    }
}
