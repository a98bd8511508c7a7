package corescale.stats.hostile;

import corescale.stats.StatsTool;
import corescale.stats.Synthetic;
import corescale.stats.model.ResultsColumn;
import corescale.stats.report.CompareReport;
import corescale.stats.run.RunFile;
import corescale.stats.run.RunFile.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code report} on a run of configurations writes each one's folder (config-NAME/) and their
 * comparison (compare.*) as one set: a file of it that cannot be written leaves every file as it
 * was, the configurations' folders included. They were written first, each on its own, so a
 * compare.md that could not be replaced left new configuration reports beside an old comparison.
 */
class ConfigReportWriteTest {

    @TempDir
    Path dir;

    private static String line(String config, String variant, int fork, int iteration, double score) {
        Map<ResultsColumn, Object> v = new EnumMap<>(ResultsColumn.class);
        v.put(ResultsColumn.CONFIG, config);
        v.put(ResultsColumn.VARIANT, variant);
        v.put(ResultsColumn.CORES, 2);
        v.put(ResultsColumn.THREADS, 2);
        v.put(ResultsColumn.FORK, fork);
        v.put(ResultsColumn.ITERATION, iteration);
        v.put(ResultsColumn.SCORE, score);
        return Synthetic.line(v);
    }

    /** A run of configurations a and b, 4 rounds of two variants; a at {@code aLevel}, b at {@code factor} times a. */
    private Path configRun(double aLevel, double factor) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int round = 1; round <= 4; round++) {
            for (String config : List.of("a", "b")) {
                for (String variant : List.of("lock", "adder")) {
                    for (int i = 1; i <= 2; i++) {
                        double score = 10 * aLevel * (config.equals("a") ? 1 : factor) * (1 + 0.01 * round + 0.001 * i);
                        lines.add(line(config, variant, round, i, score));
                    }
                }
            }
        }
        Path run = Synthetic.resultsCsv(dir, "cfg/results.csv", lines.toArray(String[]::new)).getParent();
        new RunFile("r1", List.of(), "quick", List.of(2), true, null, null, null, null, null, null,
                List.of(new RunConfig("a", "", "", "21.0.2"), new RunConfig("b", "-XX:+UseParallelGC", "", "21.0.2")),
                List.of(), false).write(run);
        return run;
    }

    @Test
    void aComparisonThatCannotBeWrittenLeavesTheConfigurationsReportsAsTheyWere() throws IOException {
        Path run = configRun(1, 0.8);
        assertEquals(StatsTool.OK, Hostile.report(dir, run).code());
        String summaryBefore = Files.readString(run.resolve("config-b/summary.csv"));
        // The run changes (b faster now): a report would rewrite every file; compare.md cannot be written.
        configRun(1.05, 0.9);
        Files.delete(run.resolve(CompareReport.MARKDOWN));
        Files.createDirectory(run.resolve(CompareReport.MARKDOWN));
        Path target = run.resolve(CompareReport.MARKDOWN);
        Hostile.report(dir, run).assertRefused("report: " + target + ": cannot write: " + target + " is a folder");
        assertEquals(summaryBefore, Files.readString(run.resolve("config-b/summary.csv")), "config-b left as it was");
        try (var files = Files.list(run.resolve("config-b"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }

        // With the obstacle gone the same report writes everything, config-b's new summary included.
        Files.delete(target);
        assertEquals(StatsTool.OK, Hostile.report(dir, run).code());
        assertNotEquals(summaryBefore, Files.readString(run.resolve("config-b/summary.csv")));
        assertTrue(Files.isRegularFile(target));
    }

    /** An obstacle in a configuration's folder leaves compare.* and the other configuration as they were too. */
    @Test
    void aConfigurationsFileThatCannotBeWrittenLeavesTheComparisonAsItWas() throws IOException {
        Path run = configRun(1, 0.8);
        assertEquals(StatsTool.OK, Hostile.report(dir, run).code());
        configRun(1.05, 0.9);
        Path target = run.resolve("config-b/report.html");
        Files.delete(target);
        Files.createDirectory(target);
        Hostile.report(dir, run).assertRefused("report: " + target + ": cannot write: " + target + " is a folder");
    }
}
