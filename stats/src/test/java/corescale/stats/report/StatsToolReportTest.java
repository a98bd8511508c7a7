package corescale.stats.report;

import corescale.stats.Synthetic;
import corescale.stats.model.ResultsColumn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.StatsTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report and compare commands write the rendered reports from a real results.csv. */
class StatsToolReportTest {

    @TempDir
    Path dir;

    private Path fixtureRun(String name) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        try (var in = getClass().getResourceAsStream("/fixtures/results.csv")) {
            Files.copy(in, run.resolve("results.csv"));
        }
        Files.writeString(run.resolve("run.json"), """
                {"run_id":"%s","args":["run","--quick"],"profile":"quick","cores":[1,2],"affinity":true,
                 "machine":{"host":"h<1>","os":"Linux","arch":"amd64","cpuModel":"X","cpusOnline":2,
                            "jdkVendor":"Temurin","jdkVersion":"21"},
                 "facts":{"launch":"taskset -c + -XX:ActiveProcessorCount","commonPoolParallelism":"cores-1"}}
                """.formatted(name));
        return run;
    }

    @Test
    void reportWritesMarkdownHtmlAndPrintsFindings() throws IOException {
        Path run = fixtureRun("h-20250101-000000");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new StatsTool().report(List.of(run), null, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(StatsTool.OK, code);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Findings for h-20250101-000000"), printed);
        assertTrue(printed.contains("report.html"), printed);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("commonPoolParallelism"), "facts from run.json");
        assertTrue(md.contains("h\\<1\\>"), "host escaped");
        assertTrue(Files.readString(run.resolve("report.html")).contains("h&lt;1&gt;"));
    }

    @Test
    void withoutRunJsonTheMachineComesFromTheColumnsEveryDistinctValueNamed() throws IOException {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int fork = 1; fork <= 2; fork++) {
            for (int i = 1; i <= 3; i++) {
                a.add(Synthetic.line(Map.of(ResultsColumn.RUN_ID, "rA", ResultsColumn.HOST, "hostA", ResultsColumn.AFFINITY, "true",
                        ResultsColumn.FORK, fork, ResultsColumn.ITERATION, i, ResultsColumn.SCORE, 10 + fork + i / 10.0)));
                // cpus_online unknown (0) on hostB: left out, not shown as a count
                b.add(Synthetic.line(Map.of(ResultsColumn.RUN_ID, "rB", ResultsColumn.HOST, "hostB", ResultsColumn.CPUS_ONLINE, 0,
                        ResultsColumn.VARIANT, "w", ResultsColumn.FORK, fork, ResultsColumn.ITERATION, i,
                        ResultsColumn.SCORE, 20 + fork + i / 10.0)));
            }
        }
        Path fileA = Synthetic.resultsCsv(dir, "a/results.csv", a.toArray(String[]::new));
        Path fileB = Synthetic.resultsCsv(dir, "b/results.csv", b.toArray(String[]::new));
        Path out = dir.resolve("out");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertEquals(StatsTool.OK, new StatsTool().report(List.of(fileA, fileB), out,
                new PrintStream(console, true, StandardCharsets.UTF_8), System.err));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("note: no run.json in " + fileA.getParent().toAbsolutePath()
                + ": variants are not paired by round"), console.toString(StandardCharsets.UTF_8));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| host | hostA \\| hostB |"), md);
        assertTrue(md.contains("| cpuModel | cpu |"), "one value where all runs agree");
        assertTrue(md.contains("| cpusOnline | 8 |"), "hostB's unknown count is not a value");
        assertTrue(md.contains("| jdkVersion | 21.0.2 |"), md);
        assertTrue(md.contains("| source | columns of the files read (no run.json) |"), md);
        assertTrue(md.contains("| affinity | true |"), "hostB's empty affinity is not a value");
        assertFalse(md.contains("| jvmArgs |"), "no facts row for a column empty in every run");
    }

    /** A copy of a run beside it would count each fork twice and narrow every interval: refused, nothing written. */
    @Test
    void theSameRunGivenTwiceIsRefusedInAReportAndOnOneSideOfAComparison() throws IOException {
        Path a = fixtureRun("a-20250101-000000");
        Path copy = fixtureRun("copy-20250101-000000");
        Path c = fixtureRun("c-20250101-000000");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = dir.resolve("out");
        int code = new StatsTool().report(List.of(a, copy), out, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(StatsTool.BAD_INPUT, code);
        String said = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(said.startsWith(copy.resolve("results.csv") + ": fork 1 of "), said);
        assertTrue(said.endsWith(" is also in " + a.resolve("results.csv") + ": the same run given twice; a fork is counted once"), said);
        assertFalse(Files.exists(out), "nothing written");

        err.reset();
        code = new StatsTool().compareSides(List.of(List.of(a, copy), List.of(c)), out, 0.05, false, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(StatsTool.BAD_INPUT, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the same run given twice"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(out), "nothing written");
    }

    /** JMH's own files carry no run id: two runs' jmh-result.json (JMH's default name) are two runs, never "the same run". */
    @Test
    void twoJmhResultFilesOfOneNameAreTwoRuns() throws IOException {
        Path reference = Path.of("..", "results", "reference-2vcpu-xeon-jdk25", "jmh-result.json");
        Path a = Files.createDirectories(dir.resolve("a")).resolve("jmh-result.json");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("jmh-result.json");
        Files.copy(reference, a);
        Files.copy(reference, b);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new StatsTool().report(List.of(a, b), dir.resolve("out"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(StatsTool.OK, code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anOutFolderThatIsAFileIsNamedAsSuch() throws IOException {
        Path run = fixtureRun("h-20250101-000000");
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new StatsTool().report(List.of(run), file, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(StatsTool.BAD_INPUT, code);
        assertEquals("report: " + file.resolve("summary.csv") + ": cannot write: " + file + " is a file, not a folder",
                err.toString(StandardCharsets.UTF_8).strip());
        assertEquals("mine", Files.readString(file), "left as it was");
    }

    @Test
    void compareWritesItsReport() throws IOException {
        Path a = fixtureRun("a-20250101-000000");
        Path b = fixtureRun("b-20250101-000000");
        List<String> baseBefore = files(a);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new StatsTool().compare(List.of(a, b), null, 0.05, false,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(StatsTool.OK, code);
        assertTrue(Files.isRegularFile(b.resolve("compare.md")), "written beside the run compared with the base");
        assertTrue(Files.isRegularFile(b.resolve("compare.html")));
        assertFalse(Files.isRegularFile(b.resolve("report.md")), "compare leaves report.md alone");
        assertEquals(baseBefore, files(a), "the base (a committed reference, a CI baseline) is left as it was");
        // The two runs hold the same rows: every point and family at ratio 1, and no point called faster or slower.
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().build()
                .parse(Files.newBufferedReader(b.resolve("compare.csv"))).getRecords();
        rows.forEach(r -> assertEquals(1, Double.parseDouble(r.get("ratio")), 1e-12, r.toString()));
        List<org.apache.commons.csv.CSVRecord> points = rows.stream().filter(r -> r.get("kind").equals("point")).toList();
        assertFalse(points.isEmpty(), "points compared");
        for (org.apache.commons.csv.CSVRecord p : points) {
            assertTrue(p.get("verdict").equals("same") || p.get("verdict").equals("inconclusive")
                    || p.get("verdict").equals("insufficient"), p.toString());
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (var in = Files.list(folder)) {
            return in.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
