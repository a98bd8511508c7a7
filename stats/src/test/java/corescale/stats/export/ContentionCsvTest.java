package corescale.stats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corescale.stats.contention.ContentionRow;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.summary.Ratio;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** contention.csv's baseline_cores: which cores the 1-thread point divided by was at. */
class ContentionCsvTest {

    private static List<CSVRecord> writeAndRead(List<ContentionRow> rows) throws IOException {
        StringWriter out = new StringWriter();
        ContentionCsv.write(rows, out);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(out.toString())).getRecords();
    }

    private static PointKey key(int cores, int threads) {
        return new PointKey("counters", "Counters.increment", "lock", "", cores, threads, Mode.THROUGHPUT);
    }

    /**
     * A plain JMH file without -XX:ActiveProcessorCount has cores 0 (unknown): its 1-thread point is at
     * cores 0, which is a baseline (written 0), not the absence of one (-1, written empty).
     */
    @Test
    void aBaselineAtUnknownCoresIsWrittenAndNoBaselineIsEmpty() throws IOException {
        // 4 threads at 36 ops/us over 1 thread at 20: 1.8
        ContentionRow atUnknownCores = new ContentionRow(key(0, 4), 36, 0, new Ratio(1.8, 1.7, 1.9, Ratio.Method.WELCH_LOG), "lock", Ratio.ONE,
                null);
        ContentionRow withoutOneThread = new ContentionRow(key(2, 4), 30, -1, Ratio.NONE, "lock", Ratio.ONE, null);
        List<CSVRecord> rows = writeAndRead(List.of(atUnknownCores, withoutOneThread));
        assertEquals("0", rows.get(0).get("baseline_cores"));
        assertEquals("1.8", rows.get(0).get("vs_1thread"));
        assertEquals("", rows.get(1).get("baseline_cores"));
    }

    /** Each ratio names its own method: against the best paired by round, against 1 thread by Welch's t. */
    @Test
    void eachRatioNamesHowItsIntervalWasMade() throws IOException {
        ContentionRow r = new ContentionRow(key(2, 2), 30, 1, new Ratio(1.5, 1.2, 1.9, Ratio.Method.WELCH_LOG), "adder",
                new Ratio(0.5, 0.45, 0.55, Ratio.Method.MIXED_LOG), null);
        CSVRecord row = writeAndRead(List.of(r)).get(0);
        assertEquals("mixed-log", row.get("ci_method"));
        assertEquals("welch-log", row.get("vs_1thread_method"));
    }
}
