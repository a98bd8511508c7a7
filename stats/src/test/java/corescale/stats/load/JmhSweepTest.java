package corescale.stats.load;

import corescale.stats.io.BadInputException;
import corescale.stats.model.Mode;
import corescale.stats.model.PointSummary;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.scaling.ErrorModel;
import corescale.stats.scaling.LackOfFit;
import corescale.stats.scaling.Peak;
import corescale.stats.export.ScalingCsv;
import corescale.stats.scaling.UslFit;
import corescale.stats.summary.Summarizer;
import corescale.stats.summary.SummaryRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JMH files holding several thread counts or modes of one benchmark: every row is a point of its own. */
class JmhSweepTest {

    private static final String HEADER = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"";
    private static final String BENCH = "\"org.example.Router.forward\"";

    /**
     * The Cisco router data of B. Schwartz, "Practical Scalability Analysis with the Universal
     * Scalability Law" (VividCortex, 2015), as in UslFitterPublishedDataTest: throughput at 1..32.
     */
    private static final double[] CISCO = {955.16, 1878.91, 2688.01, 3548.68, 4315.54, 5130.43, 5931.37, 6531.08,
        7219.8, 7867.61, 8278.71, 8646.7, 9047.84, 9426.55, 9645.37, 9897.24, 10097.6, 10240.5, 10532.39, 10798.52,
        11151.43, 11518.63, 11806, 12089.37, 12075.41, 12177.29, 12211.41, 12158.93, 12155.27, 12118.04, 12140.4,
        12074.39};

    private static Path write(Path dir, String name, List<String> rows) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, HEADER + "\n" + String.join("\n", rows) + "\n");
        return p;
    }

    /** The Cisco sweep as JMH writes it with -t 1..32 -rf csv (throughput in ops/ms, 1% error). */
    private static List<String> ciscoRows() {
        List<String> rows = new java.util.ArrayList<>();
        for (int t = 1; t <= CISCO.length; t++) {
            rows.add(String.format(Locale.ROOT, "%s,\"thrpt\",%d,10,%f,%f,\"ops/ms\"", BENCH, t, CISCO[t - 1], CISCO[t - 1] / 100));
        }
        return rows;
    }

    /**
     * A JMH CSV sweep has one pooled score per thread count: no replicates. The curve is then fitted as
     * the book and R's usl package fit it (ordinary least squares on X), through the real pipeline (JMH
     * CSV, loader, summarizer, scaling curves, scaling.csv), and must give the book's figures. Fitted with
     * relative error instead (as fork data are), the same points give sigma = 0.0205 [0.0158, 0.0253] and
     * kappa = 0.000891 [0.000753, 0.00103]: 23% and 16% off the book, both outside their intervals.
     */
    @Test
    void threadSweepInJmhCsvLoadsEveryThreadCountAndGivesTheBookUslFit(@TempDir Path dir) throws IOException, BadInputException {
        LoadedInput in = Loader.loadFile(write(dir, "cisco.csv", ciscoRows()));
        assertEquals(32, in.pooled().size(), "one point per thread count");

        List<PointSummary> points = new Summarizer().summarize(List.of(in)).stream().map(SummaryRow::summary).toList();
        assertEquals(32, points.size());
        List<ScalingCurve> curves = ScalingCurves.of(points, k -> false);
        assertEquals(1, curves.size(), curves.toString());
        ScalingCurve curve = curves.get(0);
        assertEquals(Axis.THREADS, curve.key().axis());
        assertEquals(32, curve.points().size());
        UslFit fit = curve.usl();
        assertTrue(fit.fitted(), String.valueOf(fit.noFit()));
        assertEquals(32, fit.points(), "one observation per thread count");

        // The book: sigma = 0.02671591, kappa = 7.690945e-4, lambda = 995.6486 (per ms; ours is per us).
        assertEquals(0.02671591, fit.sigma(), 0.02671591 * 1e-4);
        assertEquals(7.690945e-4, fit.kappa(), 7.690945e-4 * 1e-4);
        assertEquals(995.6486e-3, fit.lambda(), 995.6486e-3 * 1e-4);
        assertEquals(ErrorModel.ABSOLUTE, fit.errors());
        assertEquals(ErrorModel.ABSOLUTE, curve.amdahl().errors());
        assertTrue(fit.contention().covers(0.02671591) && fit.coherency().covers(7.690945e-4),
                fit.contention() + " " + fit.coherency());
        // the book's N* = 35.4 lies beyond the 32 threads measured
        assertEquals(Peak.EXTRAPOLATED, fit.peak(), String.valueOf(fit.peakFinding()));
        // one value per N: lack of fit cannot be tested, and the fit says so instead of passing it
        assertFalse(fit.lackOfFitFound());
        assertFalse(fit.lackOfFitTested());
        assertTrue(List.of(LackOfFit.Kind.UNTESTED, LackOfFit.Kind.UNTESTED_PATTERN).contains(fit.lackOfFit().kind()),
                fit.lackOfFit().toString());

        StringWriter out = new StringWriter();
        ScalingCsv.write(curves, out);
        CSVRecord row = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(out.toString())).getRecords().get(0);
        assertEquals("absolute", row.get("error_model"));
        assertEquals("", row.get("lack_of_fit"), "untested, neither true nor false");
        assertTrue(row.get("fit_note").contains("lack of fit untested"), row.get("fit_note"));
        assertEquals(0.02671591, Double.parseDouble(row.get("sigma")), 0.02671591 * 1e-4);
        assertEquals(7.690945e-4, Double.parseDouble(row.get("kappa")), 7.690945e-4 * 1e-4);
        assertEquals(995.6486e-3, Double.parseDouble(row.get("lambda")), 995.6486e-3 * 1e-4);
    }

    @Test
    void severalModesInJmhCsvAreSeveralPoints(@TempDir Path dir) throws IOException, BadInputException {
        Path p = write(dir, "modes.csv", List.of(
                BENCH + ",\"thrpt\",4,10,8.000000,0.100000,\"ops/us\"",
                "\"org.example.Router.forward:lost\",\"thrpt\",4,10,1.000000,NaN,\"#\"",
                BENCH + ",\"avgt\",4,10,0.500000,0.010000,\"us/op\"",
                "\"org.example.Router.forward:lost\",\"avgt\",4,10,2.000000,NaN,\"#\"",
                BENCH + ",\"sample\",4,10,0.600000,0.010000,\"us/op\""));
        LoadedInput in = Loader.loadFile(p);
        assertEquals(List.of(Mode.THROUGHPUT, Mode.AVERAGE_TIME, Mode.SAMPLE_TIME),
                in.pooled().stream().map(r -> r.mode()).toList());
        // each secondary row goes with its own mode's primary row
        assertEquals(1.0, in.pooled().get(0).secondary().get("lost"), 1e-12);
        assertEquals(2.0, in.pooled().get(1).secondary().get("lost"), 1e-12);
        List<SummaryRow> rows = new Summarizer().summarize(List.of(in));
        assertEquals(3, rows.size(), "one summary per mode");
    }

    @Test
    void repeatedJmhCsvRowIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path p = write(dir, "twice.csv", List.of(
                BENCH + ",\"thrpt\",4,10,8.000000,0.100000,\"ops/us\"",
                BENCH + ",\"thrpt\",8,10,9.000000,0.100000,\"ops/us\"",
                BENCH + ",\"thrpt\",4,10,7.000000,0.100000,\"ops/us\""));
        BadInputException e = assertThrows(BadInputException.class, () -> Loader.loadFile(p));
        assertTrue(e.getMessage().contains(":4:") && e.getMessage().contains("repeats the row of line 2"), e.getMessage());
    }

    /** The message names the repeated row's params too, as they are what tells apart rows of one benchmark. */
    @Test
    void repeatedJmhCsvRowIsNamedWithItsParams(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("twice.csv");
        Files.writeString(p, HEADER + ",\"Param: work\"\n"
                + BENCH + ",\"thrpt\",4,10,8.000000,0.100000,\"ops/us\",0\n"
                + BENCH + ",\"thrpt\",4,10,9.000000,0.100000,\"ops/us\",10\n"
                + BENCH + ",\"thrpt\",4,10,7.000000,0.100000,\"ops/us\",0\n");
        BadInputException e = assertThrows(BadInputException.class, () -> Loader.loadFile(p));
        assertEquals(p + ":4: repeats the row of line 2 (org.example.Router.forward {work=0}, threads 4, mode thrpt)", e.getMessage());
    }

    /**
     * Two names that are one point (family {@code example}, benchmark {@code Router.forward}, from two packages
     * ending alike) are refused as the JSON reader refuses them, never summarised as two files' replicates.
     */
    @Test
    void twoJmhCsvRowsOfOnePointUnderTwoNamesAreRefused(@TempDir Path dir) throws IOException {
        Path p = write(dir, "one-point.csv", List.of(
                "\"org.a.example.Router.forward\",\"thrpt\",4,10,8.000000,0.100000,\"ops/us\"",
                "\"org.b.example.Router.forward\",\"thrpt\",4,10,7.000000,0.100000,\"ops/us\""));
        BadInputException e = assertThrows(BadInputException.class, () -> Loader.loadFile(p));
        assertEquals(p + ":3: repeats the row of line 2 (org.b.example.Router.forward, threads 4, mode thrpt)", e.getMessage());
    }

    /** One JMH JSON object with rawData: 2 forks of 2 iterations. */
    private static String jsonObject(String mode, String unit, double score) {
        return "{\"benchmark\":\"org.example.Router.forward\",\"mode\":\"" + mode + "\",\"threads\":2,\"forks\":2,"
                + "\"measurementIterations\":2,\"params\":{},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":0.1,"
                + "\"scoreUnit\":\"" + unit + "\",\"rawData\":[[" + score + "," + score + "],[" + score + "," + score + "]]}}";
    }

    @Test
    void jmhJsonWithTwoModesGivesAPointPerMode(@TempDir Path dir) throws IOException, BadInputException {
        Path p = dir.resolve("two-modes.json");
        Files.writeString(p, "[" + jsonObject("thrpt", "ops/us", 4) + "," + jsonObject("avgt", "us/op", 0.5) + "]");
        List<SummaryRow> rows = new Summarizer().summarize(List.of(Loader.loadFile(p)));
        assertEquals(2, rows.size());
        assertEquals(List.of(Mode.THROUGHPUT, Mode.AVERAGE_TIME), rows.stream().map(r -> r.summary().mode()).toList());
        assertEquals(4.0, rows.get(0).summary().mean(), 1e-12);
        assertEquals(0.5, rows.get(1).summary().mean(), 1e-12);
        assertEquals(2, rows.get(1).summary().forks());
    }

    @Test
    void repeatedJmhJsonObjectIsRefused(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("twice.json");
        Files.writeString(p, "[" + jsonObject("thrpt", "ops/us", 4) + "," + jsonObject("thrpt", "ops/us", 5) + "]");
        BadInputException e = assertThrows(BadInputException.class, () -> Loader.loadFile(p));
        assertTrue(e.getMessage().contains("benchmark #2 repeats benchmark #1"), e.getMessage());
    }
}
