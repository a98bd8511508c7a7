package corescale.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import corescale.stats.model.PointKey;
import corescale.stats.run.PointsFile;

/**
 * A small append-only CSV with one row per point, keyed like results.csv: {@code points.csv}
 * (how each finished point stopped: precision reached or not, the CPUs it ran on, the steal time of
 * those CPUs and the involuntary context switches of the fork during its measured iterations; in a
 * run of interleaved configurations one row per configuration, named in {@code config}) and
 * {@code failures.csv} (points that could not be measured, with the error).
 *
 * <p>points.csv holds a point's current state: a point the second pass takes further has its rows
 * replaced ({@link #put}). A file begun by an earlier version keeps its header: a column it lacks
 * ({@code mode}, {@code config}, {@code measure_seconds}, {@code modes}) is left out of its rows, and a
 * point's rows are found by the key columns it has.
 */
final class PointLog {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private final Path file;
    private final List<String> columns;

    PointLog(Path file, List<String> extraColumns) {
        this.file = file;
        List<String> all = new ArrayList<>(PointsFile.KEY);
        all.addAll(extraColumns);
        this.columns = List.copyOf(all);
    }

    static PointLog points(Path runDir) {
        return new PointLog(runDir.resolve(PointsFile.NAME), PointsFile.VALUES);
    }

    static PointLog failures(Path runDir) {
        return new PointLog(runDir.resolve(PointsFile.FAILURES), List.of(PointsFile.ERROR));
    }

    /** One row: the point's key, and its values by column name. */
    synchronized void append(PointKey key, Map<String, Object> values) throws IOException {
        boolean exists = Files.exists(file) && Files.size(file) > 0;
        List<String> header = exists ? existingHeader() : columns;
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            if (!exists) {
                printer.printRecord(columns);
            }
            printer.printRecord(inHeaderOrder(header, key, values));
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The point's rows, each its values by column name, instead of the rows it had (appended when it
     * had none): the file is written anew beside the old one and moved over it, so a reader or an
     * interruption sees the old rows or the new ones, never half of them.
     */
    synchronized void put(PointKey key, List<Map<String, Object>> lines) throws IOException {
        boolean exists = Files.exists(file) && Files.size(file) > 0;
        List<String> header = exists ? existingHeader() : columns;
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.printRecord(header);
            boolean placed = false;
            if (exists) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                     CSVParser parser = FORMAT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                    if (!header.containsAll(PointsFile.KEY.subList(0, PointsFile.Column.MODE.ordinal()))) {
                        throw new IOException(file + ": its header lacks the key columns " + PointsFile.KEY + ": " + header);
                    }
                    Map<String, Object> keyOf = keyValues(key);
                    List<String> keyColumns = PointsFile.KEY.stream().filter(header::contains).toList();
                    for (CSVRecord record : parser) {
                        if (keyColumns.stream().allMatch(c -> record.get(c).equals(String.valueOf(keyOf.get(c))))) {
                            if (!placed) {
                                printLines(printer, header, key, lines);
                                placed = true;
                            }
                        } else {
                            printer.printRecord(record.toList());
                        }
                    }
                }
            }
            if (!placed) {
                printLines(printer, header, key, lines);
            }
        }
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void printLines(CSVPrinter printer, List<String> header, PointKey key, List<Map<String, Object>> lines) throws IOException {
        for (Map<String, Object> line : lines) {
            printer.printRecord(inHeaderOrder(header, key, line));
        }
    }

    /**
     * The key and values of a row in the order of {@code header}; a column of the header this log
     * does not write, or that the row leaves out, stays empty. A value for a column this log does not
     * have is a bug of its caller, not a cell to drop.
     */
    private List<Object> inHeaderOrder(List<String> header, PointKey key, Map<String, Object> values) {
        if (!columns.containsAll(values.keySet())) {
            throw new IllegalArgumentException("columns not in " + file.getFileName() + ": " + values.keySet());
        }
        Map<String, Object> all = new HashMap<>(keyValues(key));
        all.putAll(values);
        List<Object> row = new ArrayList<>();
        for (String column : header) {
            row.add(columns.contains(column) ? all.getOrDefault(column, "") : "");
        }
        return row;
    }

    /** The key columns' values of a point, by {@link PointsFile.Column} header. */
    private static Map<String, Object> keyValues(PointKey key) {
        return Map.of(PointsFile.Column.FAMILY.header, key.family(), PointsFile.Column.BENCHMARK.header, key.benchmark(),
                PointsFile.Column.VARIANT.header, key.variant(), PointsFile.Column.PARAMS.header, key.params(),
                PointsFile.Column.CORES.header, key.cores(), PointsFile.Column.THREADS.header, key.threads(),
                PointsFile.Column.MODE.header, key.mode().jmhName());
    }

    private List<String> existingHeader() throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            return first.isEmpty() ? columns : List.of(first.split(","));
        }
    }
}
