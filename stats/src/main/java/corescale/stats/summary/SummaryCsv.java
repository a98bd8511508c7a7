package corescale.stats.summary;

import corescale.stats.bounds.Bounds;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static corescale.stats.io.CsvNumbers.format;

/**
 * Writes {@code summary.csv}: the fixed columns (docs/design.md), then extras at the end of the row:
 * the modes behind {@code unstable}, the warm-up iterations dropped per fork (both empty when not
 * tested), the family and a note; then the point against its physical bound ({@code bound} in the
 * row's unit, {@code of_bound} = mean / bound, empty when the point has none) and the io requests'
 * observed latency over the service's delay; then one column per secondary metric, named as in
 * results.csv, holding the point's mean of it over the same forks and iterations as the score
 * ({@code gc.alloc.rate.norm} under {@code run --prof gc}: bytes allocated per operation).
 */
public final class SummaryCsv {

    public static final List<String> HEADER = List.of("benchmark", "variant", "params", "cores", "threads", "mode",
            "unit", "forks", "samples", "mean", "ci_low", "ci_high", "rel_ci", "cv_between_forks", "unstable",
            "modes", "warmup", "family", "note", "bound", "of_bound", "latency_vs_delay");

    private SummaryCsv() {
    }

    public static void write(List<SummaryRow> rows, Writer out) throws IOException {
        write(rows, Bounds.NONE, out);
    }

    /** With each point's bound ({@link Bounds}): {@code bound}, {@code of_bound}, {@code latency_vs_delay}. */
    public static void write(List<SummaryRow> rows, Bounds bounds, Writer out) throws IOException {
        List<String> metrics = metricColumns(rows);
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(metrics);
        p.printRecord(header);
        for (SummaryRow r : rows) {
            PointSummary s = r.summary();
            PointKey k = s.key();
            List<Object> fields = new ArrayList<>(List.of(k.benchmark(), k.variant(), k.params(), k.cores(), k.threads(),
                    s.mode().jmhName(), s.unit(), s.forks(), s.samples(), format(s.mean()), format(s.ciLow()), format(s.ciHigh()),
                    format(s.relCi()), format(s.cvBetweenForks()), s.unstable(),
                    r.modes() > 0 ? r.modes() : "",
                    r.warmup() >= 0 ? r.warmup() : "", k.family(), s.note(),
                    format(bounds.at(k).bound()), format(bounds.at(k).ofBound()), format(bounds.at(k).facts().latencyVsDelay())));
            for (String metric : metrics) {
                MetricSummary m = r.metrics().get(metric);
                fields.add(m == null ? "" : format(m.mean()));
            }
            p.printRecord(fields);
        }
        p.flush();
    }

    /**
     * One column per secondary metric of any point, in name order, holding its mean ({@link MetricSummary});
     * a metric that already has a column of its own ({@code latency_vs_delay}) keeps that one.
     */
    public static List<String> metricColumns(List<SummaryRow> rows) {
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.metrics().keySet()));
        names.removeAll(HEADER);
        return List.copyOf(names);
    }
}
