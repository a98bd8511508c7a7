package corescale.stats.summary;

import corescale.stats.StatsTool;
import corescale.stats.Synthetic;
import corescale.stats.load.Format;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.ResultsColumn;
import corescale.stats.model.Units;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secondary metric (a profiler's, here {@code gc.alloc.rate.norm} as {@code run --prof gc} records
 * it) is summarised per point as the score is: over the iterations the score keeps, fork by fork.
 */
class MetricSummaryTest {

    @TempDir
    Path dir;

    /**
     * Three forks whose first iteration is half as fast and allocates 1000 bytes per operation (still
     * compiling): the summary drops that iteration as warm-up from the score and from the metric alike.
     * The kept iterations allocate 24, 25 and 26 bytes in forks 1 to 3 (and fork 3 reports nothing in
     * its last iteration), so the point allocates 25 bytes per operation.
     */
    @Test
    void aProfilersMetricIsSummarisedOverTheScoresForksAndIterationsAndShownBesideTheScore() throws Exception {
        double[][] scores = {{5, 10.2, 10.4, 10.0}, {4.8, 9.6, 9.8, 9.7}, {5.1, 11.1, 10.9, 11.0}};
        List<String> lines = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 4; i++) {
                Map<ResultsColumn, Object> v = new EnumMap<>(ResultsColumn.class);
                v.put(ResultsColumn.CORES, 2);
                v.put(ResultsColumn.THREADS, 2);
                v.put(ResultsColumn.FORK, f + 1);
                v.put(ResultsColumn.ITERATION, i + 1);
                v.put(ResultsColumn.SCORE, scores[f][i]);
                Object allocated = i == 0 ? 1000 : f == 2 && i == 3 ? "" : 24 + f;
                lines.add(Synthetic.line(v, allocated));
            }
        }
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("results.csv"), Synthetic.HEADER + ",gc.alloc.rate.norm\n" + String.join("\n", lines) + "\n");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertEquals(0, new StatsTool().report(List.of(run), run, out, out), console.toString(StandardCharsets.UTF_8));

        CSVRecord row;
        try (Reader in = Files.newBufferedReader(run.resolve("summary.csv"))) {
            row = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords().get(0);
        }
        assertEquals("1", row.get("warmup"), "the first iteration of every fork is warm-up");
        assertEquals(25, Double.parseDouble(row.get("gc.alloc.rate.norm")), 1e-9);
        String report = Files.readString(run.resolve("report.md"));
        assertTrue(report.contains(" · 25 B/op |"), "the allocation beside the score in the point's cell");
    }

    private static SummaryRow summarised(double[]... metricPerFork) throws Exception {
        PointKey key = Synthetic.key("lock", 2, 2);
        List<Measurement> rows = new ArrayList<>();
        for (int f = 0; f < metricPerFork.length; f++) {
            for (int i = 0; i < metricPerFork[f].length; i++) {
                rows.add(new Measurement(Synthetic.RUN, key, Units.canonical(Mode.THROUGHPUT), f + 1, i + 1, 10,
                        Map.of("gc", metricPerFork[f][i])));
            }
        }
        return new Summarizer().summarize(List.of(new LoadedInput(Path.of("m.csv"), Format.RESULTS_CSV, rows, List.of()))).get(0);
    }

    @Test
    void aForkWithoutFiniteValuesOfAMetricIsLeftOutOfItsMean() throws Exception {
        // fork 1: (2 + 4) / 2 = 3; fork 2 has only NaN and no mean
        assertEquals(3, summarised(new double[] {2, 4}, new double[] {Double.NaN, Double.NaN}).metrics().get("gc").mean(), 1e-12);
    }

    @Test
    void aMetricWithoutAnyFiniteValueIsNotSummarised() throws Exception {
        assertTrue(summarised(new double[] {Double.NaN, Double.NaN}, new double[] {Double.NaN, Double.NaN}).metrics().isEmpty());
    }

    @Test
    void aMetricFirstReportedAfterTheWarmupIterationKeepsItsIterationsAligned() throws Exception {
        // Every fork's first iteration 10% low: one warm-up iteration dropped (WarmupTest.knownAnswers).
        // gc is missing at iteration 1 and is 5 and 7 at iterations 2 and 3: kept are both, mean 6 in every fork.
        PointKey key = Synthetic.key("lock", 2, 2);
        double[][] scores = {{90, 100, 100}, {99, 110, 110}, {81, 90, 90}};
        List<Measurement> rows = new ArrayList<>();
        for (int f = 0; f < scores.length; f++) {
            for (int i = 0; i < 3; i++) {
                rows.add(new Measurement(Synthetic.RUN, key, Units.canonical(Mode.THROUGHPUT), f + 1, i + 1, scores[f][i],
                        i == 0 ? Map.of() : Map.of("gc", i == 1 ? 5.0 : 7.0)));
            }
        }
        SummaryRow row = new Summarizer().summarize(List.of(new LoadedInput(Path.of("m.csv"), Format.RESULTS_CSV, rows, List.of()))).get(0);
        assertEquals(6, row.metrics().get("gc").mean(), 1e-12);
    }
}
