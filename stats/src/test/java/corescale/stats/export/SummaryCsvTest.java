package corescale.stats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corescale.stats.bounds.Bounds;
import corescale.stats.load.Loader;
import corescale.stats.summary.Summarizer;
import corescale.stats.summary.SummaryRow;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
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
    }
}
