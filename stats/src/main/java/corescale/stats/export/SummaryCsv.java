package corescale.stats.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import corescale.stats.bounds.Bounds;
import corescale.stats.io.ParamColumns;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.report.Wording;
import corescale.stats.summary.MetricSummary;
import corescale.stats.summary.SummaryRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static corescale.stats.io.CsvNumbers.format;

/**
 * Writes {@code summary.csv}: the fixed columns (docs/design.md), then extras at the end of the row:
 * the modes behind {@code unstable}, the warm-up iterations dropped per fork (both empty when not
 * tested), the family and a note ({@link Wording#summary}); then the point against its physical bound ({@code bound} in the
 * row's unit, {@code of_bound} = mean / bound with its 95% interval {@code of_bound_low} and
 * {@code of_bound_high}, empty when the point has none) and the io requests' observed latency over the service's delay; then one column per parameter ({@link ParamColumns});
 * then one column per secondary metric, named as in
 * results.csv, holding the point's mean of it over the same forks and iterations as the score
 * ({@code gc.alloc.rate.norm} under {@code run --prof gc}: bytes allocated per operation).
 */
public final class SummaryCsv {

    public static final List<String> HEADER = List.of("benchmark", "variant", "params", "cores", "threads", "mode",
            "unit", "forks", "samples", "mean", "ci_low", "ci_high", "rel_ci", "cv_between_forks", "unstable",
            "modes", "warmup", "family", "note", "bound", "of_bound", "of_bound_low", "of_bound_high", "latency_vs_delay");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryCsv() {
    }

    public static void write(List<SummaryRow> rows, Writer out) throws IOException {
        write(rows, Bounds.NONE, out);
    }

    /** With each point's bound ({@link Bounds}): {@code bound}, {@code of_bound} and its interval, {@code latency_vs_delay}. */
    public static void write(List<SummaryRow> rows, Bounds bounds, Writer out) throws IOException {
        Table table = table(rows, bounds);
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
        p.printRecord(table.header());
        for (List<Object> row : table.rows()) {
            p.printRecord(row.stream().map(v -> v == null ? "" : v instanceof Double d ? format(d) : v).toList());
        }
        p.flush();
    }

    /**
     * {@code summary.json}: the rows of summary.csv for scripts, an array of objects keyed by
     * summary.csv's column names; numbers at full precision, {@code null} where summary.csv has an
     * empty cell.
     */
    public static void writeJson(List<SummaryRow> rows, Bounds bounds, Writer out) throws IOException {
        Table table = table(rows, bounds);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                object.put(table.header().get(i), v instanceof Double d && !Double.isFinite(d) || "".equals(v) ? null : v);
            }
            objects.add(object);
        }
        JSON.writeValue(out, objects);
    }

    /** The file's columns and each row's values (numbers as doubles, null for a cell without a value). */
    private record Table(List<String> header, List<List<Object>> rows) {
    }

    private static Table table(List<SummaryRow> rows, Bounds bounds) {
        ParamColumns params = ParamColumns.of(rows.stream().map(r -> r.summary().key().params()).toList(), HEADER);
        List<String> metrics = metricColumns(rows);
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(params.headers());
        header.addAll(metrics);
        List<List<Object>> out = new ArrayList<>();
        for (SummaryRow r : rows) {
            PointSummary s = r.summary();
            PointKey k = s.key();
            List<Object> fields = new ArrayList<>(Arrays.asList(k.benchmark(), k.variant(), k.params(), k.cores(), k.threads(),
                    s.mode().jmhName(), s.unit(), s.forks(), s.samples(), s.mean(), s.ciLow(), s.ciHigh(),
                    s.relCi(), s.cvBetweenForks(), s.unstable(),
                    r.modes() > 0 ? r.modes() : null,
                    r.warmup() >= 0 ? r.warmup() : null, k.family(), Wording.summary(s.notes()),
                    bounds.at(k).bound(), bounds.at(k).ofBound(), bounds.at(k).ofBoundLow(), bounds.at(k).ofBoundHigh(),
                    bounds.at(k).facts().latencyVsDelay()));
            fields.addAll(params.values(k.params()));
            for (String metric : metrics) {
                MetricSummary m = r.metrics().get(metric);
                fields.add(m == null ? null : m.mean());
            }
            out.add(fields);
        }
        return new Table(header, out);
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
