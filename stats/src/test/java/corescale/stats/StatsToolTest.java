package corescale.stats;

import corescale.stats.model.ResultsColumn;
import corescale.stats.run.RunFile;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.run.RunFile.RunConfig;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code report} and {@code compare} end to end through StatsTool: one run, two runs, replicate runs
 * per side, a run of interleaved configurations, and the errors of what cannot be compared.
 */
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
        assertEquals("", err.toString(StandardCharsets.UTF_8), "not gated: nothing on stderr");
        assertEquals(3, new StatsTool().compare(List.of(base, slow), outDir, 0.05, true, o(), e()), err.toString());
        assertEquals("--fail-on-regression: 1 point slower: " + slow + " vs " + base
                        + ": counters · Counters.increment [work=0] lock 2t/2c ×0.8 [0.79, 0.81] (compare.md has each)",
                err.toString(StandardCharsets.UTF_8).strip(), "the gate says why it failed");
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

    @Test
    void aRunIsNotComparedWithItself() throws IOException {
        Path a = run("a", 1, "thrpt");
        Path same = a.resolve("..").resolve("a"); // the same folder, spelt another way
        assertEquals(2, new StatsTool().compare(List.of(a, same), null, 0.05, false, o(), e()));
        assertEquals("compare: " + same + " is given twice; a run compared with itself says nothing",
                err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(a.resolve("compare.md")), "nothing written");
        // a run folder and its own results.csv are one run too
        err.reset();
        Path own = a.resolve("results.csv");
        assertEquals(2, new StatsTool().compare(List.of(a, own), null, 0.05, false, o(), e()));
        assertEquals("compare: " + own + " is given twice; a run compared with itself says nothing",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    private String said() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> points(Path compareCsv) throws IOException {
        return csv(compareCsv).stream().filter(r -> r.get("kind").equals("point")).toList();
    }

    private static String line(String config, String variant, int threads, int fork, int iteration, double score) {
        Map<ResultsColumn, Object> v = new EnumMap<>(ResultsColumn.class);
        v.put(ResultsColumn.CONFIG, config);
        v.put(ResultsColumn.VARIANT, variant);
        v.put(ResultsColumn.CORES, 2);
        v.put(ResultsColumn.THREADS, threads);
        v.put(ResultsColumn.FORK, fork);
        v.put(ResultsColumn.ITERATION, iteration);
        v.put(ResultsColumn.SCORE, score);
        return Synthetic.line(v);
    }

    /**
     * A run of configurations a and c1, 4 rounds measured a1 c1-1 a2 c1-2 ...: the machine slows by
     * 2% a round for both; c1 is a × 0.69 ± 1% at both points (lock at 1 thread, adder at 2).
     */
    private Path configRun(String name, List<CanaryReading> canary) throws IOException {
        return configRun(name, canary, 0.69);
    }

    /** As above with c1 at a × {@code c1Factor} ± 1%; c1 runs with -XX:TieredStopAtLevel=1 (C1 only), a on C2. */
    private Path configRun(String name, List<CanaryReading> canary, double c1Factor) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int round = 1; round <= 4; round++) {
            double drift = 1 - 0.02 * round;
            for (String config : List.of("a", "c1")) {
                double factor = config.equals("a") ? 1 : c1Factor * (round % 2 == 0 ? 1.01 : 0.99);
                for (String variant : List.of("lock", "adder")) {
                    int threads = variant.equals("lock") ? 1 : 2;
                    for (int i = 1; i <= 2; i++) {
                        lines.add(line(config, variant, threads, round, i, 10 * drift * factor * (1 + 0.001 * i)));
                    }
                }
            }
        }
        Path run = Synthetic.resultsCsv(dir, name + "/results.csv", lines.toArray(String[]::new)).getParent();
        runFile(List.of(new RunConfig("a", "", "", "21.0.2"), new RunConfig("c1", "-XX:TieredStopAtLevel=1", "", "21.0.2")),
                canary).write(run);
        return run;
    }

    private static RunFile runFile(List<RunConfig> configs, List<CanaryReading> canary) {
        return new RunFile("r1", List.of(), "quick", List.of(2), true, null, null, null, null, null, null, configs, canary, false);
    }

    @Test
    void aConfigRunComparesItsConfigurationsPairedByRound() throws IOException {
        Path run = configRun("cfg", List.of());
        // c1 is slower everywhere: --fail-on-regression gates a config run as any comparison.
        assertEquals(StatsTool.REGRESSION, new StatsTool().compare(List.of(run), null, 0.05, true, o(), e()), err.toString());
        List<CSVRecord> points = points(run.resolve("compare.csv"));
        assertEquals(2, points.size());
        for (CSVRecord p : points) {
            assertEquals("c1", p.get("other"));
            assertEquals("a", p.get("base"));
            assertEquals("paired", p.get("design"));
            assertEquals("4", p.get("n_base"));
            assertEquals("slower", p.get("verdict"));
        }
        String said = said();
        assertTrue(said.contains("c1 vs a (paired): 2 slower\n"), said);
        assertTrue(said.contains("\n  31% slower on counters at 1 thread (1 point, slower; paired, 4 forks each)\n"), said);
        assertTrue(said.contains("\n  31% slower on counters at 2+ threads (1 point, slower; paired, 4 forks each)\n"), said);
        String md = Files.readString(run.resolve("compare.md"));
        assertTrue(md.contains("forks paired by round"), md);
        assertTrue(md.contains("4 pairs"), md);
        assertFalse(said.contains("beat C2") || md.contains("beat C2"), "C1 lost: no line on it");
    }

    @Test
    void aC1ConfigurationThatBeatsC2IsCalledOutInTheComparison() throws IOException {
        Path run = configRun("cfg", List.of(), 1.3);
        assertEquals(0, new StatsTool().report(List.of(run), null, o(), e()), err.toString());
        String line = "  C1 (-XX:TieredStopAtLevel=1, c1) beat C2 (a) at Counters.increment adder [work=0] cores=2"
                + " threads=2 thrpt (×1.3), Counters.increment lock [work=0] cores=2 threads=1 thrpt (×1.3): nearly always"
                + " a harness artefact or a JIT mode";
        assertTrue(said().contains(line), said());
        assertTrue(Files.readString(run.resolve("compare.md")).contains("check the benchmark's compiled code"));
    }

    @Test
    void reportOnAConfigRunWritesEachConfigurationsReportAndThePairedComparison() throws IOException {
        Path run = configRun("cfg", List.of());
        assertEquals(0, new StatsTool().report(List.of(run), null, o(), e()), err.toString());
        for (String c : List.of("a", "c1")) {
            assertTrue(Files.isRegularFile(run.resolve("config-" + c).resolve("report.md")), c);
            assertEquals(2, csv(run.resolve("config-" + c).resolve("summary.csv")).size(), c);
        }
        assertFalse(Files.exists(run.resolve("summary.csv")), "no pooled summary of both configurations");
        assertEquals("4", csv(run.resolve("config-c1").resolve("summary.csv")).get(0).get("forks"));
        assertTrue(Files.readString(run.resolve("config-c1").resolve("report.md")).contains("-XX:TieredStopAtLevel=1"));
        assertEquals(2, points(run.resolve("compare.csv")).size());
        assertTrue(said().contains("Configurations a, c1: each one's report is in " + run.toAbsolutePath().resolve("config-<name>")
                + "/report.md; their paired comparison is in " + run.toAbsolutePath().resolve("compare.md")), said());
    }

    @Test
    void replicateRunsPerSideMakeTheRunTheUnit() throws IOException {
        Path r1 = run("r1", 1, "thrpt");
        Path r2 = run("r2", 0.8, "thrpt");
        Path r3 = run("r3", 1, "thrpt");
        Path r4 = run("r4", 1.02, "thrpt");
        Path cmp = dir.resolve("cmp");
        assertEquals(0, new StatsTool().compareSides(List.of(List.of(r1, r2), List.of(r3, r4)), cmp, 0.05, true, o(), e()),
                err.toString());
        CSVRecord p = points(cmp.resolve("compare.csv")).get(0);
        assertEquals("runs", p.get("design"));
        assertEquals("2", p.get("n_base"));
        assertEquals("2", p.get("n_other"));
        assertEquals(r1 + "," + r2, p.get("base"));
        assertTrue(said().contains(r3 + "," + r4 + " vs " + r1 + "," + r2 + " (runs):"), said());
        assertTrue(said().contains("2 runs vs 2: the run is the unit of replication"), said());
    }

    @Test
    void aMissingRunInACommaListIsAClearErrorAndWritesNothing() throws IOException {
        Path r1 = run("r1", 1, "thrpt");
        Path missing = dir.resolve("missing");
        assertEquals(2, new StatsTool().compareSides(List.of(List.of(r1, missing), List.of(run("r3", 1, "thrpt"))), null, 0.05,
                false, o(), e()));
        assertEquals(missing + ": no such file or directory", err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(r1.resolve("compare.csv")));
    }

    @Test
    void aConfigRunIsNotComparedWithAnotherRun() throws IOException {
        Path run = configRun("cfg", List.of());
        assertEquals(2, new StatsTool().compare(List.of(run, run("p", 1, "thrpt")), null, 0.05, false, o(), e()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("holds configurations a, c1 (run --config): compare them"
                + " within the run with 'compare " + run + "'"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRunWhoseCanaryDriftedSaysSoInItsReport() throws IOException {
        Path run = run("drift", 1, "thrpt");
        runFile(List.of(), List.of(new CanaryReading("start", 0, 100, 80, null, null, 0), new CanaryReading("middle", 300, 95, 80, null, null, 0),
                new CanaryReading("end", 600, 90, 80, null, null, 0))).write(run);
        assertEquals(0, new StatsTool().report(List.of(run), null, o(), e()), err.toString());
        String finding = "the canary drifted during the run, beyond ±5%: at its last reading the machine was ×0.9 as"
                + " fast on the canary's cpu kernel, against its first";
        assertTrue(said().contains(finding), said());
        assertTrue(Files.readString(run.resolve("report.md")).contains(finding));

        Path steady = run("steady", 1, "thrpt");
        runFile(List.of(), List.of(new CanaryReading("start", 0, 100, 80, null, null, 0), new CanaryReading("end", 600, 98, 81, null, null, 0))).write(steady);
        assertEquals(0, new StatsTool().report(List.of(steady), null, o(), e()), err.toString());
        assertFalse(Files.readString(steady.resolve("report.md")).contains("canary drifted"));
    }

    /** A run of two families (counters, cpu), 3 forks of one point each, every score scaled by factor, and a canary. */
    private Path twoFamilies(String name, double factor, double canaryCpu) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String family : List.of("counters", "cpu")) {
            for (int f = 1; f <= 3; f++) {
                Map<ResultsColumn, Object> v = new EnumMap<>(ResultsColumn.class);
                v.put(ResultsColumn.RUN_ID, name);
                v.put(ResultsColumn.FAMILY, family);
                v.put(ResultsColumn.FORK, f);
                v.put(ResultsColumn.SCORE, (10 + 0.1 * f) * factor);
                lines.add(Synthetic.line(v));
            }
        }
        Path run = Synthetic.resultsCsv(dir, name + "/results.csv", lines.toArray(String[]::new)).getParent();
        runFile(List.of(), List.of(new CanaryReading("start", 0, canaryCpu, 80, null, null, 0), new CanaryReading("end", 600, canaryCpu, 80, null, null, 0)))
                .write(run);
        return run;
    }

    @Test
    void compareStatesTheMachinesOwnSpeedOnceAndEachFamilyRatioOnce() throws IOException {
        Path base = twoFamilies("base", 1, 100);
        Path slow = twoFamilies("slow", 0.8, 90);
        assertEquals(0, new StatsTool().compare(List.of(base, slow), null, 0.05, false, o(), e()), err.toString());
        List<String> lines = said().lines().toList();
        String header = slow + " vs " + base + " (forks): 2 slower";
        int at = lines.indexOf(header);
        assertTrue(at >= 0, said());
        assertEquals("  the machine itself: ×0.9 as fast on the canary's cpu kernel, ×1 on its memory kernel", lines.get(at + 1));
        assertEquals(1, lines.stream().filter(l -> l.contains("the machine itself")).count(), said());
        assertEquals(1, lines.stream().filter(l -> l.contains("on counters at")).count(), said());
        assertEquals(1, lines.stream().filter(l -> l.contains("on cpu at")).count(), said());
        String md = Files.readString(slow.resolve("compare.md"));
        assertEquals(1, md.split("the machine itself", -1).length - 1 + md.split("The machine itself", -1).length - 1, md);
        assertFalse(md.contains("- " + slow + " vs "), "the findings stand under a heading that names the comparison: " + md);
    }
}
