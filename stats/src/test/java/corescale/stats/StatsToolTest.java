package corescale.stats;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsToolTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private PrintStream o() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private PrintStream e() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    /** A run with 3 forks of 2 iterations for one point, every score scaled by factor. */
    private Path run(String name, double factor, String mode) throws IOException {
        List<String> lines = new ArrayList<>();
        double[][] forks = {{10, 10.2}, {10.1, 9.9}, {10, 10}};
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 2; i++) {
                lines.add(Synthetic.row(name, "lock", 2, 2, mode, f + 1, i + 1, forks[f][i] * factor,
                        mode.equals("thrpt") ? "ops/us" : "us/op"));
            }
        }
        return Synthetic.resultsCsv(dir, name + "/results.csv", lines.toArray(String[]::new)).getParent();
    }

    private static List<CSVRecord> csv(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    @Test
    void reportWritesSummaryAndContentionIntoTheInputFolder() throws IOException {
        Path a = run("a", 1, "thrpt");
        assertEquals(0, new StatsTool().report(List.of(a), null, o(), e()), err.toString());
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("read as corescale results.csv"), said);
        assertTrue(said.contains("wrote " + a.toAbsolutePath().resolve("summary.csv")), said);
        List<CSVRecord> summary = csv(a.resolve("summary.csv"));
        assertEquals(1, summary.size());
        assertEquals("10.0333", summary.get(0).get("mean")); // fork means 10.1, 10, 10
        assertEquals("3", summary.get(0).get("forks"));
        assertEquals("false", summary.get(0).get("unstable"));
        assertEquals(1, csv(a.resolve("contention.csv")).size());
        try (Stream<Path> s = Files.list(a)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void compareGivesExitThreeOnRegressionOnlyWhenAsked() throws IOException {
        Path base = run("base", 1, "thrpt");
        Path slow = run("slow", 0.8, "thrpt");
        Path outDir = dir.resolve("cmp");
        assertEquals(0, new StatsTool().compare(List.of(base, slow), outDir, 0.05, false, o(), e()), err.toString());
        assertEquals(3, new StatsTool().compare(List.of(base, slow), outDir, 0.05, true, o(), e()), err.toString());
        List<CSVRecord> rows = csv(outDir.resolve("compare.csv"));
        CSVRecord point = rows.stream().filter(r -> r.get("kind").equals("point")).findFirst().orElseThrow();
        assertEquals("slower", point.get("verdict"));
        assertEquals("0.8", point.get("ratio"));
        assertTrue(rows.stream().anyMatch(r -> r.get("kind").equals("mismatch") && r.get("note").startsWith("host differs")));
    }

    @Test
    void compareNeedsTwoRuns() throws IOException {
        assertEquals(2, new StatsTool().compare(List.of(run("a", 1, "thrpt")), null, 0.05, false, o(), e()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("compare: needs two runs, or a run with --config configurations"));
    }
}
