package corescale.sweep;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import corescale.stats.model.PointKey;

/**
 * A small append-only CSV with one row per point, keyed like results.csv: {@code points.csv}
 * (how each finished point stopped: precision reached or not, the CPUs it ran on, the steal time of
 * those CPUs and the involuntary context switches of the fork during its measured iterations) and {@code failures.csv} (points
 * that could not be measured, with the error).
 */
final class PointLog {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
    private static final List<String> KEY_COLUMNS = List.of("family", "benchmark", "variant", "params", "cores", "threads");

    private final Path file;
    private final List<String> extraColumns;

    PointLog(Path file, List<String> extraColumns) {
        this.file = file;
        this.extraColumns = List.copyOf(extraColumns);
    }

    static PointLog points(Path runDir) {
        return new PointLog(runDir.resolve("points.csv"), List.of("forks", "mean", "unit", "rel_ci", "target", "stop", "seconds",
                "cpus", "steal_pct", "involuntary_switches"));
    }

    static PointLog failures(Path runDir) {
        return new PointLog(runDir.resolve("failures.csv"), List.of("error"));
    }

    synchronized void append(PointKey key, Object... extra) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            if (!Files.exists(file)) {
                printer.printRecord(concat(KEY_COLUMNS, extraColumns));
            }
            printer.print(key.family());
            printer.print(key.benchmark());
            printer.print(key.variant());
            printer.print(key.params());
            printer.print(key.cores());
            printer.print(key.threads());
            for (Object value : extra) {
                printer.print(value);
            }
            printer.println();
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
