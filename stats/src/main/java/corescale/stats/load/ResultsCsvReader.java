package corescale.stats.load;

import corescale.stats.BadInputException;
import corescale.stats.model.ResultsColumns;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.RunInfo;
import corescale.stats.model.Units;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads our tidy {@code results.csv} (columns as in docs/design.md, then one column per secondary metric). */
final class ResultsCsvReader {

    /** The fixed columns, in the order the sweep writes them. */
    static final List<String> COLUMNS = ResultsColumns.NAMES;

    private static final int RUN_ID = 0, CPUS_ONLINE = 5, AFFINITY = 10, CORES = 9, FAMILY = 11, BENCHMARK = 12,
            VARIANT = 13, PARAMS = 14, MODE = 15, THREADS = 16, FORK = 17, ITERATION = 18, SCORE = 19, UNIT = 20;

    private ResultsCsvReader() {
    }

    /** Files up to this size are read into memory and parsed in parallel chunks. */
    private static final long IN_MEMORY_LIMIT = 1L << 30;
    static final int MIN_CHUNK = 4 << 20;

    static List<Measurement> read(Path file) throws BadInputException, IOException {
        return read(file, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #read(Path)}, in at most {@code maxChunks} chunks (tests choose it, so it does not depend on the machine). */
    static List<Measurement> read(Path file, int maxChunks) throws BadInputException, IOException {
        if (Files.size(file) > IN_MEMORY_LIMIT) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return readStream(file, in);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        int headerEnd = indexOf(bytes, (byte) '\n', start);
        Header header = header(file, new StringReader(new String(bytes, start, headerEnd - start, StandardCharsets.UTF_8)));
        List<Chunk> chunks = Chunk.split(bytes, Math.min(headerEnd + 1, bytes.length),
                Math.max(1, Math.min(maxChunks, bytes.length / MIN_CHUNK)));
        // Chunks are parsed in parallel; the list keeps file order, so the first error is the earliest line.
        List<Object> parts = chunks.parallelStream().map(c -> {
            try {
                Reader in = new InputStreamReader(new ByteArrayInputStream(bytes, c.from(), c.to() - c.from()), StandardCharsets.UTF_8);
                List<Measurement> rows = new ArrayList<>();
                parseRecords(file, in, header, c.firstLine() - 1, rows);
                return (Object) rows;
            } catch (BadInputException e) {
                return e;
            } catch (IOException e) {
                return new BadInputException(file, 0, "cannot read: " + e.getMessage());
            }
        }).toList();
        List<Measurement> rows = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof BadInputException e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            List<Measurement> list = (List<Measurement>) part;
            rows.addAll(list);
        }
        if (rows.isEmpty()) {
            throw new BadInputException(file, 1, "header only, no data rows");
        }
        return rows;
    }

    /** Reads a whole file from a stream, one thread. */
    static List<Measurement> readStream(Path file, Reader in) throws BadInputException, IOException {
        BufferedReader buffered = new BufferedReader(in);
        Header header = header(file, new StringReader(Objects.requireNonNullElse(buffered.readLine(), "")));
        List<Measurement> rows = new ArrayList<>();
        parseRecords(file, buffered, header, 1, rows);
        if (rows.isEmpty()) {
            throw new BadInputException(file, 1, "header only, no data rows");
        }
        return rows;
    }

    private record Header(int[] index, Map<String, Integer> secondary, int width) {
    }

    private static Header header(Path file, Reader headerLine) throws BadInputException, IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(headerLine)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new BadInputException(file, 0, "empty file");
            }
            CSVRecord h = it.next();
            return new Header(columnIndexes(file, h), secondaryColumns(h), h.size());
        }
    }

    /** Parses data records (no header); {@code linesBefore} is the file line just before the first record. */
    private static void parseRecords(Path file, Reader in, Header header, int linesBefore, List<Measurement> out)
            throws BadInputException, IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(in)) {
            Iterator<CSVRecord> it = parser.iterator();
            Row row = new Row(file, header.index(), header.secondary(), header.width());
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    throw new BadInputException(file, linesBefore + (int) parser.getCurrentLineNumber() + 1,
                            "unreadable CSV: " + e.getCause().getMessage());
                }
                // The parser's line count is the last line of the record just read.
                int line = linesBefore + (int) parser.getCurrentLineNumber();
                out.add(row.parse(r, line));
            }
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    /** A byte range of whole CSV records, and the file line of its first record. */
    record Chunk(int from, int to, int firstLine) {

        /**
         * Splits at line breaks that lie outside quoted fields (an even number of quote characters
         * before them; CSV's doubled quotes keep the parity), so no record is cut in two.
         */
        static List<Chunk> split(byte[] bytes, int from, int parts) {
            List<Chunk> chunks = new ArrayList<>();
            int target = from + (bytes.length - from) / parts;
            int chunkStart = from;
            int chunkLine = 2;
            int line = 2;
            boolean inQuotes = false;
            for (int i = from; i < bytes.length; i++) {
                byte b = bytes[i];
                if (b == '"') {
                    inQuotes = !inQuotes;
                } else if (b == '\n') {
                    line++;
                    if (!inQuotes && i + 1 >= target && chunks.size() < parts - 1 && i + 1 < bytes.length) {
                        chunks.add(new Chunk(chunkStart, i + 1, chunkLine));
                        chunkStart = i + 1;
                        chunkLine = line;
                        target = chunkStart + (bytes.length - chunkStart) / (parts - chunks.size());
                    }
                }
            }
            chunks.add(new Chunk(chunkStart, bytes.length, chunkLine));
            return chunks;
        }
    }

    private static int[] columnIndexes(Path file, CSVRecord header) throws BadInputException {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).trim(), i);
        }
        int[] index = new int[COLUMNS.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            Integer i = byName.get(COLUMNS.get(c));
            if (i == null) {
                missing.add(COLUMNS.get(c));
            } else {
                index[c] = i;
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException(file, 1, "missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (results.csv needs " + String.join(",", COLUMNS) + ")");
        }
        return index;
    }

    private static Map<String, Integer> secondaryColumns(CSVRecord header) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (!name.isEmpty() && !COLUMNS.contains(name)) {
                out.putIfAbsent(name, i);
            }
        }
        return out;
    }

    /** Parses rows, reusing the RunInfo and PointKey of the previous row when they repeat (they mostly do). */
    private static final class Row {
        private final Path file;
        private final int[] index;
        private final Map<String, Integer> secondaryColumns;
        private final int width;
        private final String[] lastRunFields = new String[AFFINITY + 1];
        private RunInfo lastRun;
        private final String[] lastKeyFields = new String[6];
        private PointKey lastKey;
        private String lastModeText;
        private Mode lastMode;
        private Mode lastFactorMode;
        private String lastUnit;
        private double lastFactor;

        Row(Path file, int[] index, Map<String, Integer> secondaryColumns, int width) {
            this.file = file;
            this.index = index;
            this.secondaryColumns = secondaryColumns;
            this.width = width;
        }

        Measurement parse(CSVRecord r, int line) throws BadInputException {
            if (r.size() != width) {
                throw new BadInputException(file, line, "row has " + r.size() + " fields, the header has " + width);
            }
            RunInfo run = run(r, line);
            PointKey key = key(r, line);
            Mode mode = mode(field(r, MODE), line);
            double factor = factor(mode, field(r, UNIT), line);
            double score = number(r, SCORE, line);
            if (score < 0) {
                throw new BadInputException(file, line, "score " + field(r, SCORE) + " is negative"
                        + (mode.higherIsBetter() ? " (a throughput)" : " (a time)"));
            }
            Map<String, Double> secondary = Map.of();
            if (!secondaryColumns.isEmpty()) {
                List<Map.Entry<String, Double>> values = new ArrayList<>(secondaryColumns.size());
                for (Map.Entry<String, Integer> c : secondaryColumns.entrySet()) {
                    String text = r.get(c.getValue()).trim();
                    if (!text.isEmpty()) {
                        values.add(Map.entry(c.getKey(), parseDouble(text, c.getKey(), line)));
                    }
                }
                // An immutable map here is kept as is by Measurement, saving a copy per row.
                @SuppressWarnings("unchecked")
                Map.Entry<String, Double>[] entries = values.toArray(new Map.Entry[0]);
                secondary = Map.ofEntries(entries);
            }
            return new Measurement(run, key, mode, Units.canonical(mode),
                    integer(r, FORK, line), integer(r, ITERATION, line), score * factor, secondary);
        }

        /** Rows repeat the same mode and unit, so the last parse is reused. */
        private Mode mode(String text, int line) throws BadInputException {
            if (!text.equals(lastModeText)) {
                try {
                    lastMode = Mode.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(file, line, e.getMessage());
                }
                lastModeText = text;
            }
            return lastMode;
        }

        private double factor(Mode mode, String unit, int line) throws BadInputException {
            if (mode != lastFactorMode || !unit.equals(lastUnit)) {
                try {
                    lastFactor = Units.factor(mode, unit);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(file, line, e.getMessage());
                }
                lastFactorMode = mode;
                lastUnit = unit;
            }
            return lastFactor;
        }

        private RunInfo run(CSVRecord r, int line) throws BadInputException {
            boolean same = lastRun != null;
            for (int c = RUN_ID; c <= AFFINITY && same; c++) {
                same = c == CORES || lastRunFields[c].equals(field(r, c));
            }
            if (!same) {
                for (int c = RUN_ID; c <= AFFINITY; c++) {
                    lastRunFields[c] = field(r, c);
                }
                String cpus = field(r, CPUS_ONLINE);
                int cpusOnline = cpus.isEmpty() ? 0 : integer(r, CPUS_ONLINE, line);
                lastRun = new RunInfo(field(r, 0), field(r, 1), field(r, 2), field(r, 3), field(r, 4), cpusOnline,
                        field(r, 6), field(r, 7), field(r, 8), field(r, AFFINITY));
            }
            return lastRun;
        }

        private PointKey key(CSVRecord r, int line) throws BadInputException {
            int[] cols = {FAMILY, BENCHMARK, VARIANT, PARAMS, CORES, THREADS};
            boolean same = lastKey != null;
            for (int i = 0; i < cols.length && same; i++) {
                same = lastKeyFields[i].equals(field(r, cols[i]));
            }
            if (!same) {
                for (int i = 0; i < cols.length; i++) {
                    lastKeyFields[i] = field(r, cols[i]);
                }
                lastKey = new PointKey(field(r, FAMILY), field(r, BENCHMARK), field(r, VARIANT), field(r, PARAMS),
                        integer(r, CORES, line), integer(r, THREADS, line));
            }
            return lastKey;
        }

        private String field(CSVRecord r, int column) {
            return r.get(index[column]);
        }

        private int integer(CSVRecord r, int column, int line) throws BadInputException {
            String text = field(r, column).trim();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new BadInputException(file, line, COLUMNS.get(column) + " '" + text + "' is not a whole number");
            }
        }

        private double number(CSVRecord r, int column, int line) throws BadInputException {
            return parseDouble(field(r, column).trim(), COLUMNS.get(column), line);
        }

        private double parseDouble(String text, String column, int line) throws BadInputException {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new BadInputException(file, line, column + " '" + text + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw new BadInputException(file, line, column + " is " + text + ", not a finite number");
            }
            return v;
        }
    }
}
