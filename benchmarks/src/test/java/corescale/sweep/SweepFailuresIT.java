package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.results.MachineInfo;
import corescale.results.ResultsCsv;
import corescale.stats.run.RunFile;

/** A benchmark that throws and one that hangs are recorded in failures.csv, and the sweep goes on. */
class SweepFailuresIT {

    @TempDir
    Path runDir;

    @Test
    void failedAndHungPointsAreRecordedAndTheRunGoesOn() throws Exception {
        String broken = "corescale.benchmarks.selftest.Broken.fail";
        String fast = "corescale.benchmarks.selftest.Fast.step";
        List<Point> plan = List.of(
                TestSweeps.point(broken, 1, 1, Map.of("variant", "throws")),
                TestSweeps.point(broken, 1, 1, Map.of("variant", "hangs")),
                TestSweeps.point(fast, 1, 1, Map.of("variant", "a")));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Sweep sweep = new Sweep(runDir, TestSweeps.tiny(100), plan, List.of(), TestSweeps.cores(),
                new PrintStream(console, true), false, "test-run", MachineInfo.current(), Duration.ofSeconds(3), true, false);

        Sweep.Outcome outcome = sweep.run(false);

        assertEquals(2, outcome.failed(), console::toString);
        assertEquals(1, outcome.measured());
        assertEquals(1, outcome.exitCode());
        List<Map<String, String>> failures = ResultsCsv.read(runDir.resolve("failures.csv"));
        assertEquals(List.of("throws", "hangs"), failures.stream().map(f -> f.get("variant")).toList());
        assertTrue(failures.get(0).get("error").contains("selftest failure on purpose"), failures.get(0).get("error"));
        assertTrue(failures.get(1).get("error").startsWith("hung"), failures.get(1).get("error"));
        List<Map<String, String>> rows = ResultsCsv.read(runDir.resolve("results.csv"));
        assertEquals(2, rows.size(), "the point after the failures was measured");
        assertTrue(rows.stream().allMatch(r -> r.get("variant").equals("a")));
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "the hung fork was killed");
    }

    /**
     * JMH fails unchecked when its probe of the fork's JVM writes no properties, as when an
     * interrupted run kills the probe: that point fails with one line, it does not end the sweep.
     */
    @Test
    void aJvmThatJmhCannotProbeFailsItsPoint(@TempDir Path fakeJdk) throws Exception {
        Path java = Files.createDirectories(fakeJdk.resolve("bin")).resolve("java");
        // Removes the file JMH asked it to write its properties to, as the deleteOnExit of a JVM shutting down does.
        Files.writeString(java, "#!/bin/sh\nfor a; do last=$a; done\nrm -f \"$last\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        JmhForks forks = TestSweeps.forks(TestSweeps.tiny(100), runDir, Duration.ofSeconds(30));
        Point point = TestSweeps.point("corescale.benchmarks.selftest.Fast.step", 1, 1, Map.of("variant", "a"));

        PointFailedException e = assertThrows(PointFailedException.class,
                () -> forks.run(point, new RunFile.RunConfig("fake", "", fakeJdk.toString(), ""), 0, 1, 2));

        assertTrue(e.getMessage().startsWith("config fake: "), e.getMessage());
        assertTrue(e.getMessage().contains("No such file"), e.getMessage());
    }
}
