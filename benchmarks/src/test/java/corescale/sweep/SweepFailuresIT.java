package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.results.MachineInfo;
import corescale.results.ResultsCsv;

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
        Sweep sweep = new Sweep(runDir, TestSweeps.tiny(100), plan, List.of(), CoresRestriction.detect(),
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
}
