package corescale.stats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corescale.stats.bounds.Bounds;
import corescale.stats.load.Loader;
import corescale.stats.summary.Summarizer;
import corescale.stats.summary.SummaryRow;
import java.io.StringWriter;
import java.nio.file.Path;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv written without bounds, as {@code bench} writes it. */
class SummaryCsvTest {

    @TempDir
    Path dir;

    @Test
    void withoutBoundsEveryPointIsWrittenAsWithNoBounds() throws Exception {
        List<SummaryRow> rows = new Summarizer().summarize(Loader.load(ExportFixtures.run(dir, ExportFixtures.lines("", 1))));
        StringWriter withoutBounds = new StringWriter();
        SummaryCsv.write(rows, withoutBounds);
        StringWriter noBounds = new StringWriter();
        SummaryCsv.write(rows, Bounds.NONE, noBounds);
        // the fixture's three points under the header
        assertEquals(4, withoutBounds.toString().lines().count(), withoutBounds.toString());
        assertEquals(noBounds.toString(), withoutBounds.toString());
        List<CSVRecord> read = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(withoutBounds.toString())).getRecords();
        for (CSVRecord r : read) {
            for (String column : List.of("bound", "of_bound", "of_bound_low", "of_bound_high", "latency_vs_delay")) {
                assertEquals("", r.get(column), column + " of " + r.get("variant"));
            }
        }
        // The adder's fork means 30.5, 29.4333, 31.0333: their mean and Student t interval with 2 df
        // (scipy: t.ppf(0.975, 2) * stdev / sqrt(3)), rounded to the file's six significant digits.
        CSVRecord adder = read.stream().filter(r -> r.get("variant").equals("adder")).findFirst().orElseThrow();
        assertEquals(30.3222, Double.parseDouble(adder.get("mean")), 1e-9);
        assertEquals(28.2984, Double.parseDouble(adder.get("ci_low")), 1e-9);
        assertEquals(32.346, Double.parseDouble(adder.get("ci_high")), 1e-9);
        assertEquals("3", adder.get("forks"));
    }
}
