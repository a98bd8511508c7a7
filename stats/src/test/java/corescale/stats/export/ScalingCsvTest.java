package corescale.stats.export;

import corescale.stats.scaling.ErrorModel;
import corescale.stats.summary.Ratio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.scaling.AmdahlFitter;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.CurveKey;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.scaling.ScalingCurvesTest;
import corescale.stats.scaling.ScalingPoint;
import corescale.stats.scaling.UslFitter;
import corescale.stats.scaling.UslModel;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ScalingCsvTest {

    /** The fixed leading columns (docs/design.md: fixed columns first, additions at the end), in order. */
    private static final List<String> DESIGN_COLUMNS = List.of(("benchmark,variant,params,axis,points,n_max,"
            + "speedup_at_max,efficiency_at_max,sigma,sigma_low,sigma_high,kappa,kappa_low,kappa_high,lambda,"
            + "n_star,x_max,r2").split(","));

    /** A counters point at threads = cores from its fork means. */
    private static PointSummary point(int cores, double... forkMeans) {
        double mean = java.util.Arrays.stream(forkMeans).average().orElseThrow();
        PointKey key = new PointKey("counters", "Counters.increment", "atomicLong", "work=10", cores, cores, Mode.THROUGHPUT);
        return new PointSummary(key, "ops/us", forkMeans.length, 5 * forkMeans.length, mean, mean * 0.95, mean * 1.05,
                0.05, false, forkMeans, List.of());
    }

    private static List<CSVRecord> writeAndRead(List<ScalingCurve> curves) throws IOException {
        StringWriter out = new StringWriter();
        ScalingCsv.write(curves, out);
        String text = out.toString();
        assertFalse(text.contains("NaN"), text);
        assertFalse(text.contains("Infinity"), text);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
    }

    @Test
    void headerStartsWithTheDesignColumnsInOrder() throws IOException {
        StringWriter out = new StringWriter();
        ScalingCsv.write(List.of(), out);
        List<String> header = List.of(out.toString().strip().split(","));
        assertEquals(DESIGN_COLUMNS, header.subList(0, DESIGN_COLUMNS.size()));
        assertEquals(ScalingCsv.HEADER, header);
    }

    @Test
    void fittedCurveRowHasTheFitAndNoPeakIsAnEmptyCell() throws IOException {
        List<ScalingCurve> curves = ScalingCurves.of(ScalingCurvesTest.sweep("atomicLong", Mode.THROUGHPUT, "ops/us", 1, 2, 4, 8, 16), k -> false);

        CSVRecord cores = writeAndRead(curves).get(0);

        assertEquals("Counters.increment", cores.get("benchmark"));
        assertEquals("atomicLong", cores.get("variant"));
        assertEquals("work=10", cores.get("params"));
        assertEquals("cores", cores.get("axis"));
        assertEquals("5", cores.get("points"));
        assertEquals("16", cores.get("n_max"));
        assertEquals(0.04, Double.parseDouble(cores.get("sigma")), 1e-6);
        assertEquals(0.002, Double.parseDouble(cores.get("kappa")), 1e-8);
        assertEquals(50, Double.parseDouble(cores.get("lambda")), 1e-4);
        assertEquals(Math.sqrt(0.96 / 0.002), Double.parseDouble(cores.get("n_star")), 1e-3);
        assertEquals(ScalingCurvesTest.TRUTH.speedup(16), Double.parseDouble(cores.get("speedup_at_max")), 1e-5);
        assertEquals("", cores.get("cores"));
        assertEquals("counters", cores.get("family"));
        assertEquals("thrpt", cores.get("mode"));
        assertEquals("1", cores.get("baseline_n"));
        // exact data: N* = 21.9 with a degenerate interval, beyond the largest N measured (16)
        assertEquals(Math.sqrt(0.96 / 0.002), Double.parseDouble(cores.get("n_star_low")), 0.1);
        assertEquals(Math.sqrt(0.96 / 0.002), Double.parseDouble(cores.get("n_star_high")), 0.1);
        assertEquals("extrapolated", cores.get("peak"));
        assertEquals("false", cores.get("lack_of_fit"));
        assertTrue(cores.get("fit_note").contains("outside the measured N 1-16"), cores.get("fit_note"));
        // three fork means per point: replicates, so relative error
        assertEquals("relative", cores.get("error_model"));
    }

    @Test
    void columnsAddedLaterComeLastSoExistingReadersKeepTheirColumns() {
        assertEquals(List.of("fit_note", "error_model", "speedup_low", "speedup_high"),
                ScalingCsv.HEADER.subList(ScalingCsv.HEADER.size() - 4, ScalingCsv.HEADER.size()));
    }

    /** The speedup's interval is the one the report quotes: the curve's point at n_max, over its baseline. */
    @Test
    void theSpeedupHasItsInterval() throws IOException {
        List<ScalingCurve> curves = ScalingCurves.of(List.of(
                point(1, 100, 104, 97), point(2, 180, 190, 186), point(4, 300, 330, 310)), k -> false);
        ScalingPoint atMax = curves.get(0).atMax();

        CSVRecord cores = writeAndRead(curves).get(0);

        double speedup = Double.parseDouble(cores.get("speedup_at_max"));
        double low = Double.parseDouble(cores.get("speedup_low"));
        double high = Double.parseDouble(cores.get("speedup_high"));
        assertTrue(low < speedup && speedup < high, low + " " + speedup + " " + high);
        assertEquals(atMax.speedupLow(), low, 1e-5 * low, "six significant digits");
        assertEquals(atMax.speedupHigh(), high, 1e-5 * high, "six significant digits");
    }

    @Test
    void unfittedCurveHasEmptyFitCellsAndSaysWhy() throws IOException {
        List<ScalingCurve> curves = ScalingCurves.of(ScalingCurvesTest.sweep("atomicLong", Mode.THROUGHPUT, "ops/us", 1, 2, 4), k -> false);

        List<CSVRecord> rows = writeAndRead(curves);
        CSVRecord cores = rows.get(0);

        for (String column : List.of("sigma", "sigma_low", "sigma_high", "kappa", "kappa_low", "kappa_high",
                "lambda", "n_star", "x_max", "r2")) {
            assertEquals("", cores.get(column), column);
        }
        assertTrue(cores.get("fit_note").contains("3 distinct N"), cores.get("fit_note"));
        assertFalse(cores.get("amdahl_serial").isEmpty(), "Amdahl fits with three N");
        assertEquals("relative", cores.get("error_model"), "the Amdahl fit's model");
        CSVRecord threadsAt2 = rows.get(2);
        assertEquals("threads", threadsAt2.get("axis"));
        assertEquals("2", threadsAt2.get("cores"));
        assertEquals("", threadsAt2.get("amdahl_serial"));
        assertEquals("", threadsAt2.get("error_model"), "no fit, no model");
    }

    @Test
    void linearCurveHasNoPeakSoNStarIsEmptyAndTheNoteSaysSo() throws IOException {
        UslModel linear = new UslModel(0, 0, 10);
        double[] n = {1, 2, 4, 8};
        List<ScalingPoint> points = java.util.Arrays.stream(n)
                .mapToObj(v -> ScalingPoint.atScale(v, linear.throughput(v), Double.NaN, Double.NaN, v, 10, Ratio.NONE, false))
                .toList();
        double[] x = linear.throughput(n);
        CurveKey key = new CurveKey("cpu", "Cpu.batch", "fixedPool", "", Mode.THROUGHPUT, Axis.CORES,
                java.util.OptionalInt.empty());
        ScalingCurve curve = new ScalingCurve(key, "ops/s", 1, points, UslFitter.fit(n, x, ErrorModel.RELATIVE), AmdahlFitter.fit(n, x, ErrorModel.RELATIVE), List.of());

        CSVRecord row = writeAndRead(List.of(curve)).get(0);

        assertEquals("", row.get("n_star"));
        assertEquals("80", row.get("x_max"));
        assertEquals("", row.get("x_max_low"));
        assertEquals("none", row.get("peak"));
        assertTrue(row.get("fit_note").contains("kappa = 0"), row.get("fit_note"));
    }
}
