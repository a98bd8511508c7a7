package corescale.stats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corescale.stats.compare.CompareNote;
import corescale.stats.Synthetic;
import corescale.stats.compare.CompareResult;
import corescale.stats.compare.Comparer;
import corescale.stats.compare.CurveComparison;
import corescale.stats.compare.Design;
import corescale.stats.compare.RunToRun;
import corescale.stats.model.Curve;
import corescale.stats.model.Mode;
import corescale.stats.model.PointSummary;
import corescale.stats.run.Canary;
import corescale.stats.scaling.NoFit;
import corescale.stats.scaling.UslFit;
import corescale.stats.summary.Ratio;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** compare.csv's rows that are neither points nor families: a comparison's notes and its curves. */
class CompareCsvTest {

    private static final UslFit NO_FIT = UslFit.none(2, 2, NoFit.tooFewN(2, UslFit.MIN_DISTINCT_N));

    private static List<CSVRecord> writeAndRead(CompareResult result) throws IOException {
        StringWriter out = new StringWriter();
        CompareCsv.write(List.of(result), out);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(out.toString())).getRecords();
    }

    @Test
    void aComparisonsNoteIsARowOfItsOwn() throws IOException {
        CompareResult r = new CompareResult("a", "b", Design.FORKS, 1, 1, List.of(), List.of(), List.of(), Canary.NONE, RunToRun.NONE,
                List.of(CompareNote.Plain.CANARY_CHAINS_DIFFER), 0.05, 0.05, 2);
        List<CSVRecord> rows = writeAndRead(r);
        assertEquals(1, rows.size());
        assertEquals("note", rows.get(0).get("kind"));
        assertEquals(List.of("a", "b", "forks"), List.of(rows.get(0).get("base"), rows.get(0).get("other"), rows.get(0).get("design")));
        assertEquals("the canary's memory kernel walked chains of different sizes (it follows the largest cache): its times are not compared",
                rows.get(0).get("note"));
    }

    /** Runs whose largest core counts differ (2 and 4): the curve's row, per core, with its parameter's column. */
    @Test
    void aCurveRowHoldsThePerCoreFiguresAndItsParameters() throws IOException {
        CurveComparison curve = new CurveComparison(new Curve("counters", "Counters.increment", "lock", "work=100", Mode.THROUGHPUT), 2, 4, 10, 12,
                new Ratio(1.2, 1.1, 1.3, Ratio.Method.WELCH_LOG), NO_FIT, NO_FIT, 2, 4);
        CompareResult r = new CompareResult("a", "b", Design.FORKS, 1, 1, List.of(), List.of(curve), List.of(), Canary.NONE, RunToRun.NONE,
                List.of(), 0.05, 0.05, 2);
        List<CSVRecord> rows = writeAndRead(r);
        assertEquals(1, rows.size());
        CSVRecord row = rows.get(0);
        assertEquals("curve", row.get("kind"));
        assertEquals(List.of("counters", "Counters.increment", "lock", "work=100", "2", "thrpt", "ops/us/core"),
                List.of(row.get("family"), row.get("benchmark"), row.get("variant"), row.get("params"), row.get("cores"),
                        row.get("mode"), row.get("unit")));
        assertEquals(List.of("10", "12", "1.2", "1.1", "1.3"), List.of(row.get("base_mean"), row.get("other_mean"),
                row.get("ratio"), row.get("ratio_low"), row.get("ratio_high")));
        assertEquals("per core at most cores: base 2, other 4; threads 2 vs 4; USL base: no USL fit: 2 distinct N, need at least 4"
                + "; USL other: no USL fit: 2 distinct N, need at least 4", row.get("note"));
        // the packed params' one parameter gets its column, as on a point's row
        assertEquals("100", row.get("work"));
    }

    /**
     * A benchmark measured in thrpt and avgt (JMH {@code -bm thrpt,avgt}) on 4 cores in one run and 8 in the other
     * is two curves: two rows, each with its mode and its own per-core figures (thrpt 40 and 60 ops/us; avgt 4 threads
     * at 0.2 us/op, 20 and then 40 ops/us).
     */
    @Test
    void aBenchmarkInTwoModesGivesACurveRowForEach() throws IOException {
        List<PointSummary> base = List.of(Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.THROUGHPUT, 40, 40, 40),
                Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.AVERAGE_TIME, 0.2, 0.2, 0.2));
        List<PointSummary> other = List.of(Synthetic.summary(Synthetic.key("lock", 8, 8), Mode.THROUGHPUT, 60, 60, 60),
                Synthetic.summary(Synthetic.key("lock", 8, 8), Mode.AVERAGE_TIME, 0.2, 0.2, 0.2));
        CompareResult r = Synthetic.compare(new Comparer(0.05), Synthetic.runData("a", base, Set.of(Synthetic.RUN)),
                Synthetic.runData("b", other, Set.of(Synthetic.RUN)));
        List<List<String>> curves = writeAndRead(r).stream().filter(row -> row.get("kind").equals("curve"))
                .map(row -> List.of(row.get("variant"), row.get("mode"), row.get("base_mean"), row.get("other_mean"))).toList();
        assertEquals(List.of(List.of("lock", "thrpt", "10", "7.5"), List.of("lock", "avgt", "5", "5")), curves);
    }
}
