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
import java.util.List;

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

    /** One row: the point's key, then a value for each of this log's other columns, in order. */
    synchronized void append(PointKey key, Object... extra) throws IOException {
        boolean exists = Files.exists(file) && Files.size(file) > 0;
        List<String> header = exists ? existingHeader() : columns;
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            if (!exists) {
                printer.printRecord(columns);
            }
            printer.printRecord(inHeaderOrder(header, key, List.of(extra)));
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The point's rows, one per list of values, instead of the rows it had (appended when it had
     * none): the file is written anew beside the old one and moved over it, so a reader or an
     * interruption sees the old rows or the new ones, never half of them.
     */
    synchronized void put(PointKey key, List<List<Object>> lines) throws IOException {
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
                    List<Object> keyOf = keyValues(key);
                    List<Integer> keyColumns = PointsFile.KEY.stream().filter(header::contains).map(PointsFile.KEY::indexOf).toList();
                    for (CSVRecord record : parser) {
                        if (keyColumns.stream().allMatch(i -> record.get(PointsFile.KEY.get(i)).equals(String.valueOf(keyOf.get(i))))) {
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

    private void printLines(CSVPrinter printer, List<String> header, PointKey key, List<List<Object>> lines) throws IOException {
        for (List<Object> line : lines) {
            printer.printRecord(inHeaderOrder(header, key, line));
        }
    }

    /** The key and values of a row in the order of {@code header}; a column this log does not know stays empty. */
    private List<Object> inHeaderOrder(List<String> header, PointKey key, List<Object> extra) {
        List<Object> values = new ArrayList<>(keyValues(key));
        values.addAll(extra);
        List<Object> row = new ArrayList<>();
        for (String column : header) {
            int at = columns.indexOf(column);
            row.add(at >= 0 ? values.get(at) : "");
        }
        return row;
    }

    /** The key columns' values of a point, in {@link PointsFile#KEY}'s order. */
    private static List<Object> keyValues(PointKey key) {
        return List.of(key.family(), key.benchmark(), key.variant(), key.params(), key.cores(), key.threads(), key.mode().jmhName());
    }

    private List<String> existingHeader() throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            return first.isEmpty() ? columns : List.of(first.split(","));
        }
    }
}
