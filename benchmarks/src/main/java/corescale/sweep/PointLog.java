package corescale.sweep;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import corescale.stats.model.PointKey;

/**
 * A small append-only CSV with one row per point, keyed like results.csv: {@code points.csv}
 * (how each finished point stopped: precision reached or not, the CPUs it ran on, the steal time of
 * those CPUs and the involuntary context switches of the fork during its measured iterations; in a
 * run of interleaved configurations one row per configuration, named in {@code config}) and
 * {@code failures.csv} (points that could not be measured, with the error).
 *
 * <p>A file begun by an earlier version keeps its header: a column it lacks (only {@code config},
 * which such a run leaves empty) is left out of its rows.
 */
final class PointLog {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
    private static final List<String> KEY_COLUMNS = List.of("family", "benchmark", "variant", "params", "cores", "threads");

    private final Path file;
    private final List<String> columns;

    PointLog(Path file, List<String> extraColumns) {
        this.file = file;
        List<String> all = new ArrayList<>(KEY_COLUMNS);
        all.addAll(extraColumns);
        this.columns = List.copyOf(all);
    }

    static PointLog points(Path runDir) {
        return new PointLog(runDir.resolve("points.csv"), List.of("forks", "mean", "unit", "rel_ci", "target", "stop", "seconds",
                "cpus", "steal_pct", "involuntary_switches", "config"));
    }

    static PointLog failures(Path runDir) {
        return new PointLog(runDir.resolve("failures.csv"), List.of("error"));
    }

    /** One row: the point's key, then a value for each of this log's other columns, in order. */
    synchronized void append(PointKey key, Object... extra) throws IOException {
        List<Object> values = new ArrayList<>(List.of(key.family(), key.benchmark(), key.variant(), key.params(),
                key.cores(), key.threads()));
        values.addAll(List.of(extra));
        boolean exists = Files.exists(file) && Files.size(file) > 0;
        List<String> header = exists ? existingHeader() : columns;
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            if (!exists) {
                printer.printRecord(columns);
            }
            for (String column : header) {
                int at = columns.indexOf(column);
                printer.print(at >= 0 ? values.get(at) : "");
            }
            printer.println();
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private List<String> existingHeader() throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            return first.isEmpty() ? columns : List.of(first.split(","));
        }
    }
}
