package corescale.results;

import corescale.stats.io.CsvNumbers;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import corescale.stats.io.AtomicFiles;
import corescale.stats.io.UnfinishedLine;
import corescale.stats.model.ResultsColumn;

/**
 * results.csv: one row per measured iteration, in the columns of {@link ResultsColumn}, then one column
 * per secondary metric in name order.
 *
 * <p>Each {@link #append} is one point's rows, written with a single write and forced to disk, so
 * a run that is stopped keeps whole points only. When a point brings a secondary metric the
 * header does not have yet, the file is rewritten with the wider header to a temporary file that
 * then replaces it: never half-overwritten.
 */
public final class ResultsCsv {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private final Path file;

    public ResultsCsv(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Appends the rows of one finished point. */
    public synchronized void append(List<ResultRow> rows) throws IOException {
        List<String> header = Files.exists(file) ? readHeader() : List.of();
        TreeSet<String> metrics = new TreeSet<>(header.isEmpty() ? List.of() : header.subList(ResultsColumn.HEADERS.size(), header.size()));
        rows.forEach(r -> metrics.addAll(r.secondary().keySet()));
        List<String> wanted = new ArrayList<>(ResultsColumn.HEADERS);
        wanted.addAll(metrics);

        if (header.equals(wanted)) {
            appendBytes(format(rows, wanted, false));
        } else {
            rewrite(wanted, rows);
        }
    }

    /** Reads every row as column → value, in file order. */
    public static List<Map<String, String>> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
            return rows;
        }
    }

    /**
     * Cuts the unfinished last line a killed writer may leave ({@link UnfinishedLine}, the same rule
     * {@code report} follows) and returns it, or empty when there was none.
     */
    public static Optional<UnfinishedLine> dropUnfinishedLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Optional<UnfinishedLine> cut = UnfinishedLine.find(file);
        if (cut.isPresent()) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(cut.get().keep());
                channel.force(true);
            }
        }
        return cut;
    }

    private List<String> readHeader() throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            if (first.isEmpty()) {
                return List.of();
            }
            List<String> header = new ArrayList<>();
            try (CSVParser p = FORMAT.parse(new java.io.StringReader(first))) {
                p.getRecords().get(0).forEach(header::add);
            }
            if (header.size() < ResultsColumn.HEADERS.size()
                    || !header.subList(0, ResultsColumn.HEADERS.size()).equals(ResultsColumn.HEADERS)) {
                boolean older = !header.contains(ResultsColumn.CONFIG.header) && header.contains(ResultsColumn.JVM_ARGS.header);
                throw new IOException(file + ": line 1: " + (older
                        ? "written by an earlier corescale (no config column): finish it with that version, or start a new run"
                        : "not a corescale results.csv header"));
            }
            return header;
        }
    }

    private void rewrite(List<String> header, List<ResultRow> rows) throws IOException {
        StringBuilder all = new StringBuilder();
        all.append(format(List.of(), header, true));
        if (Files.exists(file) && Files.size(file) > 0) {
            StringWriter old = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(old, FORMAT)) {
                for (Map<String, String> row : read(file)) {
                    for (String column : header) {
                        printer.print(row.getOrDefault(column, ""));
                    }
                    printer.println();
                }
            }
            all.append(old);
        }
        all.append(format(rows, header, false));
        AtomicFiles.write(file, w -> w.append(all));
    }

    private void appendBytes(String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            var buffer = java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static String format(List<ResultRow> rows, List<String> header, boolean withHeader) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            if (withHeader) {
                printer.printRecord(header);
            }
            for (ResultRow r : rows) {
                for (ResultsColumn column : ResultsColumn.values()) {
                    printer.print(r.value(column));
                }
                for (String metric : header.subList(ResultsColumn.HEADERS.size(), header.size())) {
                    Double value = r.secondary().get(metric);
                    printer.print(value == null ? "" : CsvNumbers.exact(value));
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
