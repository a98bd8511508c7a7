package corescale.stats.export;

import corescale.stats.contention.ContentionRow;
import corescale.stats.model.PointKey;
import corescale.stats.report.Wording;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import static corescale.stats.io.CsvNumbers.format;

/**
 * Writes {@code contention.csv}, one row per point; ratios are of throughputs (higher is better).
 * {@code ci_method} says how {@code vs_best}'s interval was made, {@code vs_1thread_method} how
 * {@code vs_1thread}'s was (the two ratios are tested apart: variants of one place may be paired by
 * round where a point and its 1-thread self, measured minutes apart, are not).
 */
public final class ContentionCsv {

    public static final List<String> HEADER = List.of("family", "benchmark", "variant", "params", "cores", "threads",
            "mode", "throughput_ops_per_us", "baseline_cores", "vs_1thread", "vs_1thread_low", "vs_1thread_high",
            "best_variant", "vs_best", "vs_best_low", "vs_best_high", "ci_method", "note", "vs_1thread_method");

    private ContentionCsv() {
    }

    public static void write(List<ContentionRow> rows, Writer out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
        p.printRecord(HEADER);
        for (ContentionRow r : rows) {
            PointKey k = r.key();
            p.printRecord(k.family(), k.benchmark(), k.variant(), k.params(), k.cores(), k.threads(), r.mode().jmhName(),
                    format(r.throughput()), r.baselineCores() < 0 ? "" : r.baselineCores(),
                    format(r.vsOneThread().value()), format(r.vsOneThread().low()), format(r.vsOneThread().high()),
                    r.bestVariant(), format(r.vsBest().value()), format(r.vsBest().low()), format(r.vsBest().high()),
                    r.vsBest().method().label(), Wording.contention(r), r.vsOneThread().method().label());
        }
        p.flush();
    }
}
