package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.results.CpuList;
import corescale.results.MachineInfo;
import corescale.results.ResultRow;

/**
 * JVMs started the way forks are: at N cores they see N processors and, where the OS has affinity,
 * run on exactly the N CPUs placed for them; a fork's own check is recorded with its point.
 */
class CoresRestrictionIT {

    @TempDir
    Path runDir;

    /** Run by the test in a child JVM started the way forks are: prints what it got. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(Runtime.getRuntime().availableProcessors());
            System.out.println(CoresRestriction.ownAllowedCpus().map(CpuList::format).orElse("none"));
        }
    }

    private static List<String> probe(CoresRestriction cores, int n) throws Exception {
        List<String> command = new ArrayList<>(List.of(cores.jvmFor(n)));
        command.addAll(cores.jvmArgs(n));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = probe.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            probe.destroyForcibly();
        }
        assertTrue(finished, "the probe JVM finished");
        List<String> lines = new String(probe.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, probe.exitValue(), String.join("\n", lines));
        return lines;
    }

    @Test
    void aJvmStartedAtOneCoreSeesOneProcessor() throws Exception {
        assertEquals("1", probe(TestSweeps.cores(), 1).get(0), "availableProcessors");
    }

    @Test
    void withAffinityAJvmRunsOnExactlyItsPlacedCpus() throws Exception {
        CoresRestriction cores = TestSweeps.cores();
        assumeTrue(cores.affinity(), "needs Linux and taskset");
        for (int n : List.of(1, cores.maxCores())) {
            List<String> lines = probe(cores, n);
            assertEquals(Integer.toString(n), lines.get(0), "availableProcessors at " + n);
            assertEquals(new HashSet<>(cores.cpusFor(n)), new HashSet<>(CpuList.parse(lines.get(1))), "CPUs at " + n);
        }
    }

    /**
     * A "taskset" that pins the fork to another CPU than the placed one: same size, wrong CPU. The
     * in-fork check compares the list, so the point fails and says which CPU the fork had.
     */
    @Test
    void aForkOnTheRightNumberOfTheWrongCpusFails() throws Exception {
        CoresRestriction real = TestSweeps.cores();
        assumeTrue(real.affinity() && real.maxCores() >= 2, "needs Linux, taskset and 2 CPUs");
        int placed = real.cpusFor(1).get(0);
        int other = real.cpusFor(2).get(1);
        Path taskset = CoresRestriction.findOnPath("taskset").orElseThrow();
        Path wrong = runDir.resolve("wrong-taskset");
        // Called as: taskset -c <placed> java ...; runs java on <other> instead.
        Files.writeString(wrong, "#!/bin/sh\nshift 2\nexec '" + taskset + "' -c " + other + " \"$@\"\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rwx------"));
        CoresRestriction lying = new CoresRestriction(real.placement(), Optional.of(wrong),
                Path.of(System.getProperty("java.home"), "bin", "java"));
        JmhForks forks = new JmhForks(TestSweeps.tiny(100), lying, runDir, new PrintStream(new ByteArrayOutputStream()),
                "test-run", MachineInfo.current(), Duration.ofSeconds(60), true);
        Point point = TestSweeps.point("corescale.benchmarks.selftest.Fast.step", 1, 1, Map.of("variant", "a"));
        PointFailedException e = assertThrows(PointFailedException.class, () -> forks.run(point, Sweep.PLAIN, 1, 1, 2).get(0));
        assertEquals("the fork ran on CPUs " + other + ", not the placed " + placed + ": taskset did not take", e.getMessage());
    }

    @Test
    void aForkAtOneCoreIsCheckedFromInsideAndRecordedWithItsCpus() throws Exception {
        JmhForks forks = TestSweeps.forks(TestSweeps.tiny(100), runDir, Duration.ofSeconds(60));
        Point point = TestSweeps.point("corescale.benchmarks.selftest.Fast.step", 1, 1, Map.of("variant", "a"));
        // JmhForks fails the point when the fork's own CoresCheck disagrees with cores=1 or its CPU.
        ForkResult fork = forks.run(point, Sweep.PLAIN, 1, 1, 2).get(0);
        assertEquals(2, fork.rows().size());
        assertEquals(TestSweeps.cores().cpusFor(1), fork.cpus());
        assertTrue(fork.load().totalTicks() > 0, "the fork read its CPUs' time around each iteration");
        for (ResultRow row : fork.rows()) {
            assertEquals(1, row.cores());
            assertEquals(TestSweeps.cores().affinity(), row.affinity());
            assertTrue(List.of(row.jvmArgs().split(" ")).contains("-XX:ActiveProcessorCount=1"), row.jvmArgs());
        }
    }
}
