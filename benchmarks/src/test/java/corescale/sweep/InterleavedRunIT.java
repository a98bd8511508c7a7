package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.results.ResultsCsv;
import corescale.stats.run.RunFile;

/**
 * {@code run --config}, as a user runs it: two configurations of one point, their forks in rounds,
 * each fork on its own options, under JMH's gc and jfr profilers; the canary read at start, middle and
 * end into run.json; and a resume that rebuilds the configurations and profilers from the saved
 * arguments. Counts and structure only.
 */
class InterleavedRunIT {

    private static final String OPTION = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void endWhatWasStarted() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Runs benchmarks.jar to its end and returns what it printed. */
    private String runJar(String... args) throws Exception {
        Path console = dir.resolve("console.log");
        process = new ProcessBuilder(TestSweeps.jarCommand(args)).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the run ends");
        return Files.readString(console);
    }

    @Test
    void configurationsAlternateTheCanaryIsReadAndResumeKeepsTheConfigurations() throws Exception {
        Path runDir = dir.resolve("run");
        String out = runJar("run", "--config", "a=", "--config", "b=" + OPTION, "counters.Counters.increment",
                "--param", "variant=atomicLong", "--param", "workOutside=0", "--cores", "1", "--threads", "1",
                "-f", "2", "-wi", "0", "-i", "1", "-r", "100ms", "--prof", "gc", "--prof", "jfr", "--out", runDir.toString());
        assertTrue(out.contains("1 of 1 points measured, 0 failed"), out);
        assertEquals(0, process.exitValue(), out);
        // The run's report: each configuration's own, and their paired comparison beside them.
        assertTrue(Files.isRegularFile(runDir.resolve("config-a").resolve("report.md")), out);
        assertTrue(Files.isRegularFile(runDir.resolve("config-b").resolve("report.md")), out);
        assertTrue(Files.readString(runDir.resolve("compare.csv")).contains("paired"), out);
        for (String at : List.of("start", "middle", "end")) {
            assertTrue(out.contains("canary " + at + ": cpu "), out);
        }
        assertMeasuredInBothConfigurations(runDir, out);
        // One jmh-result file per configuration, each with that configuration's two forks of the point.
        for (String config : List.of("a", "b")) {
            JsonNode entries = new ObjectMapper().readTree(runDir.resolve("jmh-result-" + config + ".json").toFile());
            assertEquals(1, entries.size(), entries.toString());
            assertEquals(config, entries.get(0).get("params").get("config").asText());
            assertEquals(2, entries.get(0).get("primaryMetric").get("rawData").size());
        }
        assertFalse(Files.exists(runDir.resolve("jmh")), "no JMH file per batch");
        assertProfiled(runDir);
        List<Map<String, String>> points = ResultsCsv.read(runDir.resolve("points.csv"));
        assertEquals(List.of("a", "b"), points.stream().map(p -> p.get("config")).toList(), "one points.csv line per configuration");
        assertTrue(points.stream().allMatch(p -> p.get("forks").equals("2") && p.get("stop").equals("fixed_forks")), points.toString());

        RunFile run = RunFile.read(runDir);
        assertEquals(List.of("a", "b"), run.configs().stream().map(RunFile.RunConfig::name).toList());
        assertEquals(List.of("", OPTION), run.configs().stream().map(RunFile.RunConfig::jvmOptions).toList());
        assertCanary(run, List.of("start", "middle", "end"));

        // The point is measured again on resume: same configurations, rebuilt from run.json's arguments.
        Files.delete(runDir.resolve("results.csv"));
        Files.delete(runDir.resolve("points.csv"));
        String resumed = runJar("run", "--resume", runDir.toString());
        assertTrue(resumed.contains("Plan: 1 point, profile default-fixed, 2 fork(s) per point and configuration"), resumed);
        assertMeasuredInBothConfigurations(runDir, resumed);
        assertProfiled(runDir);
        RunFile after = RunFile.read(runDir);
        assertEquals(run.configs(), after.configs());
        assertEquals(run.runId(), after.runId());
        assertCanary(after, List.of("start", "middle", "end", "resume", "middle", "end"));
    }

    /** results.csv: forks 1 and 2 of each configuration, one iteration each, the option only in b's forks. */
    private static void assertMeasuredInBothConfigurations(Path runDir, String out) throws Exception {
        List<Map<String, String>> rows = ResultsCsv.read(runDir.resolve("results.csv"));
        assertEquals(List.of("a1", "a2", "b1", "b2"), rows.stream().map(r -> r.get("config") + r.get("fork")).sorted().toList(), out);
        for (Map<String, String> r : rows) {
            assertEquals(r.get("config").equals("b"), r.get("jvm_args").contains(OPTION), r.toString());
        }
    }

    /**
     * The gc profiler's allocation per operation in every row of results.csv, summarised in each
     * configuration's summary.csv and jmh-result file; a JFR recording per configuration and batch
     * under profiles/, named by the point.
     */
    private static void assertProfiled(Path runDir) throws Exception {
        for (Map<String, String> r : ResultsCsv.read(runDir.resolve("results.csv"))) {
            assertTrue(Double.parseDouble(r.get("gc.alloc.rate.norm")) >= 0, r.toString());
        }
        for (String config : List.of("a", "b")) {
            Map<String, String> summary = ResultsCsv.read(runDir.resolve("config-" + config).resolve("summary.csv")).get(0);
            assertTrue(Double.parseDouble(summary.get("gc.alloc.rate.norm")) >= 0, summary.toString());
            JsonNode alloc = new ObjectMapper().readTree(runDir.resolve("jmh-result-" + config + ".json").toFile()).get(0)
                    .get("secondaryMetrics").get("gc.alloc.rate.norm");
            assertEquals(Double.parseDouble(summary.get("gc.alloc.rate.norm")), alloc.get("score").asDouble(),
                    1e-5 * Math.abs(alloc.get("score").asDouble()) + 1e-12, "summary.csv and jmh-result agree");
            try (Stream<Path> files = Files.walk(runDir.resolve("profiles"))) {
                List<Path> recordings = files.filter(f -> f.getFileName().toString().equals("profile.jfr"))
                        .filter(f -> runDir.resolve("profiles").relativize(f).getName(0).toString()
                                .matches("counters-Counters.increment-atomicLong-.*-c1-t1-" + config + "-f1")).toList();
                assertEquals(1, recordings.size(), "one recording of config " + config + "'s batch: " + recordings);
                assertTrue(Files.size(recordings.get(0)) > 0, recordings.toString());
            }
        }
    }

    /** The readings, in order, with positive finite values and each fork's score, each later than the one before in its sweep (run or resume). */
    private static void assertCanary(RunFile run, List<String> ats) {
        assertEquals(ats, run.canary().stream().map(RunFile.CanaryReading::at).toList());
        for (RunFile.CanaryReading c : run.canary()) {
            assertTrue(c.cpuOpsPerUs() > 0 && Double.isFinite(c.cpuOpsPerUs()), c.toString());
            assertTrue(c.memoryNsPerLoad() > 0 && Double.isFinite(c.memoryNsPerLoad()), c.toString());
            assertFalse(c.secondsIntoRun() < 0, c.toString());
            assertEquals(CanaryRecorder.FORKS, c.cpuForks().size(), c.toString());
            assertEquals(CanaryRecorder.FORKS, c.memoryForks().size(), c.toString());
            // the reading's score is JMH's over all its forks' iterations: their mean, as the forks are alike in length
            assertEquals(c.memoryForks().stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                    c.memoryNsPerLoad(), 1e-9 * c.memoryNsPerLoad(), c.toString());
        }
        List<Double> seconds = run.canary().stream().map(RunFile.CanaryReading::secondsIntoRun).toList();
        int resume = ats.indexOf("resume");
        int split = resume < 0 ? ats.size() : resume;
        assertIncreasing(seconds.subList(0, split));
        assertIncreasing(seconds.subList(split, seconds.size()));
    }

    private static void assertIncreasing(List<Double> xs) {
        for (int i = 1; i < xs.size(); i++) {
            assertTrue(xs.get(i) > xs.get(i - 1), xs.toString());
        }
    }
}
