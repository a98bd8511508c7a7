package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.results.ResultsCsv;

/**
 * A run killed in the middle keeps a valid results.csv of whole points, and {@code --resume}
 * measures only what is missing. The run is a real child process of the command line.
 */
class InterruptResumeTest {

    static final int POINTS = 6;
    static final int ITERATIONS = 3;

    @TempDir
    Path dir;

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djmh.ignoreLock=true", "-cp", System.getProperty("java.class.path"), "corescale.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console-" + System.nanoTime() + ".log").toFile()).start();
    }

    private Process startRun(Path runDir) throws IOException {
        return start("run", "selftest.Fast", "--cores", "1", "-f", "1", "-wi", "0", "-i", String.valueOf(ITERATIONS),
                "-r", "100ms", "--out", runDir.toString());
    }

    private static int rows(Path runDir) {
        try {
            return Files.exists(runDir.resolve("results.csv")) ? ResultsCsv.read(runDir.resolve("results.csv")).size() : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void interruptAndResume(String signal) throws Exception {
        Path runDir = dir.resolve("run");
        Process run = startRun(runDir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rows(runDir) < 2 * ITERATIONS && System.nanoTime() < deadline && run.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(run.isAlive(), "the run should still be going when it is interrupted");
        new ProcessBuilder("kill", "-" + signal, String.valueOf(run.pid())).start().waitFor();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the run stops");

        List<Map<String, String>> kept = ResultsCsv.read(runDir.resolve("results.csv"));
        assertTrue(kept.size() < POINTS * ITERATIONS, "interrupted before the end");
        Map<String, Long> perPoint = new java.util.TreeMap<>();
        kept.forEach(r -> perPoint.merge(r.get("variant"), 1L, Long::sum));
        perPoint.values().forEach(n -> assertEquals(ITERATIONS, n, "only whole points: " + perPoint));

        Process resume = start("run", "--resume", runDir.toString());
        assertTrue(resume.waitFor(180, TimeUnit.SECONDS), "resume finishes");
        assertEquals(0, resume.exitValue());

        List<Map<String, String>> all = ResultsCsv.read(runDir.resolve("results.csv"));
        assertEquals(POINTS * ITERATIONS, all.size());
        Set<String> unique = new HashSet<>();
        for (Map<String, String> r : all) {
            assertTrue(unique.add(r.get("variant") + "/" + r.get("fork") + "/" + r.get("iteration")), "duplicate row " + r);
        }
        assertEquals(1, all.stream().map(r -> r.get("run_id")).distinct().count(), "one run id across the resume");
    }

    @Test
    void sigintKeepsWholePointsAndResumeFinishesTheRest() throws Exception {
        interruptAndResume("INT");
    }

    @Test
    void sigkillKeepsWholePointsAndResumeFinishesTheRest() throws Exception {
        interruptAndResume("KILL");
    }
}
