package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.benchmarks.selftest.Gate;
import corescale.results.ResultsCsv;
import corescale.stats.model.ResultsColumn;
import corescale.stats.run.RunFile;

/**
 * A run stopped in the middle keeps a results.csv of whole points, and {@code --resume} measures only
 * what is missing. The run is benchmarks.jar in a child process, started as a user starts it. The
 * selftest {@link Gate} benchmark holds each point's fork until the test lets it go, so the run is
 * stopped at an exact place: one point finished, the next one's fork running.
 *
 * <p>SIGTERM and SIGINT (Ctrl-C) take the same path, the runner's shutdown hook. SIGINT is tested only
 * where the run can receive it: a process started as a background job of a script ignores SIGINT and
 * its children inherit that, so there the SIGINT test is skipped and says why.
 */
class InterruptResumeIT {

    static final int POINTS = 3; // Gate's variants
    static final int ITERATIONS = 3;
    static final long LIMIT_SECONDS = 180;

    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    private record Run(Process process, Path console) {
        String output() throws IOException {
            return Files.readString(console);
        }
    }

    private Run start(Path gate, String... args) throws IOException {
        List<String> command = TestSweeps.jarCommand(args);
        Path console = dir.resolve("console-" + started.size() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        if (gate != null) {
            builder.environment().put(Gate.ENV, gate.toString());
        }
        Process process = builder.start();
        started.add(process.toHandle());
        return new Run(process, console);
    }

    @AfterEach
    void endEverythingStarted() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    /**
     * Starts a run of the three Gate points, lets the first point through and waits until the second
     * point's fork is at its gate; then the first point is in results.csv and the second is running.
     *
     * @return the run and the variant of the point let through
     */
    private Map.Entry<Run, String> startAndHoldTheSecondPoint(Path runDir) throws Exception {
        Path gate = Files.createDirectories(dir.resolve("gate"));
        // No canary: what is tested is the stop and the resume, and each reading would add 8-12 s.
        Run run = start(gate, "run", "selftest.Gate", "--cores", "1", "-f", "1", "-wi", "0", "--no-canary",
                "-i", String.valueOf(ITERATIONS), "-r", "100ms", "--out", runDir.toString());
        String first = awaitWaiting(gate, Set.of(), run);
        Files.createFile(gate.resolve(first + ".go"));
        awaitWaiting(gate, Set.of(first), run);
        // The fork waiting at the gate: recorded, so the test can see it stopped (or end it after a kill).
        run.process().descendants().forEach(started::add);
        return Map.entry(run, first);
    }

    /** The variant of the next point that reaches its gate. */
    private static String awaitWaiting(Path gate, Set<String> seen, Run run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (System.nanoTime() < deadline && run.process().isAlive()) {
            try (Stream<Path> files = Files.list(gate)) {
                Optional<String> next = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".waiting"))
                        .map(n -> n.substring(0, n.length() - ".waiting".length())).filter(v -> !seen.contains(v)).findFirst();
                if (next.isPresent()) {
                    return next.get();
                }
            }
            Thread.sleep(20);
        }
        return fail("no point reached its gate (run alive: " + run.process().isAlive() + "):\n" + run.output());
    }

    private static void signal(Run run, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(run.process().pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -s " + signal);
        assertTrue(run.process().waitFor(LIMIT_SECONDS, TimeUnit.SECONDS), "the run stops on " + signal);
    }

    /** The run's results.csv holds exactly the point let through, whole, then resume measures the rest. */
    private void assertOnePointKeptAndResumeFinishes(Path runDir, String first) throws Exception {
        List<Map<String, String>> kept = ResultsCsv.read(runDir.resolve("results.csv"));
        assertEquals(ITERATIONS, kept.size(), "the finished point, whole, and nothing of the stopped one: " + kept);
        assertTrue(kept.stream().allMatch(r -> r.get("variant").equals(first)), kept.toString());
        // jmh-result.json, written as the point finished, is whole and holds that point.
        assertEquals(List.of(first), jmhResultVariants(runDir));

        Run resume = start(null, "run", "--resume", runDir.toString());
        assertTrue(resume.process().waitFor(LIMIT_SECONDS, TimeUnit.SECONDS), "resume finishes");
        assertEquals(0, resume.process().exitValue(), resume.output());
        assertTrue(resume.output().contains("Plan: " + (POINTS - 1) + " points left (1 already done)"), resume.output());
        assertFalse(resume.output().contains("canary"), "--no-canary, kept in run.json's arguments: " + resume.output());
        assertTrue(RunFile.read(runDir).canary().isEmpty(), "no canary reading");

        List<Map<String, String>> all = ResultsCsv.read(runDir.resolve("results.csv"));
        assertEquals(POINTS * ITERATIONS, all.size());
        Set<String> unique = new HashSet<>();
        for (Map<String, String> r : all) {
            assertTrue(unique.add(r.get("variant") + "/" + r.get("fork") + "/" + r.get("iteration")), "duplicate row " + r);
        }
        assertEquals(Set.of("a", "b", "c"), all.stream().map(r -> r.get("variant")).collect(Collectors.toSet()));
        assertEquals(1, all.stream().map(r -> r.get(ResultsColumn.RUN_ID.header)).distinct().count(), "one run id across the resume");
        assertEquals(List.of("a", "b", "c"), jmhResultVariants(runDir), "jmh-result.json rebuilt with every point");

        // Resumed once more, the finished run has nothing left to measure, and says so.
        Run again = start(null, "run", "--resume", runDir.toString());
        assertTrue(again.process().waitFor(LIMIT_SECONDS, TimeUnit.SECONDS), "the second resume finishes");
        assertEquals(0, again.process().exitValue(), again.output());
        assertTrue(again.output().contains("Plan: 0 points left (" + POINTS + " already done)"), again.output());
        assertFalse(again.output().contains("Warm-up per fork"), "no forks, no warm-up line: " + again.output());
        assertEquals(all, ResultsCsv.read(runDir.resolve("results.csv")), "nothing measured again");
    }

    /** The variants of jmh-result.json's entries, sorted; the file must be whole JSON. */
    private static List<String> jmhResultVariants(Path runDir) throws IOException {
        List<String> variants = new ArrayList<>();
        new ObjectMapper().readTree(runDir.resolve("jmh-result.json").toFile())
                .forEach(e -> variants.add(e.get("params").get("variant").asText()));
        variants.sort(null);
        return variants;
    }

    /** A graceful stop: says how to resume, exits as the JVM does on that signal, leaves no fork running. */
    private void stopGracefully(Run run, String signal, int number) throws Exception {
        signal(run, signal);
        assertEquals(128 + number, run.process().exitValue(), run.output());
        String out = run.output();
        assertTrue(out.contains("Interrupted: results.csv in "), out);
        assertTrue(out.contains("Resume with: java -jar benchmarks.jar run --resume "), out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                "the run stopped its fork");
    }

    @Test
    void sigtermStopsGracefullyKeepsWholePointsAndResumeFinishesTheRest() throws Exception {
        Path runDir = dir.resolve("run");
        Map.Entry<Run, String> held = startAndHoldTheSecondPoint(runDir);
        stopGracefully(held.getKey(), "TERM", 15);
        assertOnePointKeptAndResumeFinishes(runDir, held.getValue());
    }

    @Test
    void sigintStopsGracefullyKeepsWholePointsAndResumeFinishesTheRest() throws Exception {
        Path runDir = dir.resolve("run");
        Map.Entry<Run, String> held = startAndHoldTheSecondPoint(runDir);
        Optional<Boolean> ignored = sigintIgnored(held.getKey().process().pid());
        Assumptions.assumeTrue(ignored.isPresent(),
                "cannot read the run's signal dispositions (no /proc): SIGINT not tested; SIGTERM takes the same path");
        Assumptions.assumeFalse(ignored.get(), "SIGINT is ignored by the run, inherited from the process that started "
                + "the build (a background job of a script ignores SIGINT): SIGINT not tested; SIGTERM takes the same path");
        stopGracefully(held.getKey(), "INT", 2);
        assertOnePointKeptAndResumeFinishes(runDir, held.getValue());
    }

    @Test
    void sigkillKeepsWholePointsAndResumeFinishesTheRest() throws Exception {
        Path runDir = dir.resolve("run");
        Map.Entry<Run, String> held = startAndHoldTheSecondPoint(runDir);
        signal(held.getKey(), "KILL");
        assertFalse(held.getKey().output().contains("Interrupted"), "no shutdown hook runs on SIGKILL");
        // Nothing stopped the fork: it still waits at its gate and would hold the machine's JMH lock.
        started.forEach(ProcessHandle::destroyForcibly);
        assertOnePointKeptAndResumeFinishes(runDir, held.getValue());
    }

    /** Whether SIGINT is in the process's ignored set (Linux /proc); empty where that cannot be read. */
    static Optional<Boolean> sigintIgnored(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                    return Optional.of((mask & (1L << (2 - 1))) != 0); // SIGINT is signal 2
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
