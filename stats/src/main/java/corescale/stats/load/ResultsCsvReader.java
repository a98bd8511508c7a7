package corescale.stats.load;

import corescale.stats.io.BadInputException;
import corescale.stats.io.UnfinishedLine;
import corescale.stats.model.ResultsColumn;
import corescale.stats.model.Measurement;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads our tidy {@code results.csv} (columns as in docs/design.md, then one column per secondary metric).
 * Besides malformed rows it refuses what the sweep cannot have written: cores, threads, fork or
 * iteration below 1, a score of 0 (every JMH iteration completes at least one operation, so neither a
 * throughput nor a time per operation is 0), a measurement written twice ({@link Duplicates}), bytes
 * that are not UTF-8 ({@link NotUtf8}). An unfinished last line is dropped ({@link UnfinishedLine}).
 */
final class ResultsCsvReader {

    /** The fixed columns, in the order the sweep writes them. */


    private ResultsCsvReader() {
    }

    /** Files up to this size are read into memory and parsed in parallel chunks. */
    private static final long IN_MEMORY_LIMIT = 1L << 30;
    static final int MIN_CHUNK = 4 << 20;
    private static final int CHUNKS_PER_PROCESSOR = 4;

    /**
     * What a file held.
     *
     * @param rows    the measurements, in file order
     * @param dropped the unfinished last line left out (see {@link UnfinishedLine}), if there was one
     */
    record Result(List<Measurement> rows, Optional<UnfinishedLine> dropped) {
    }

    static Result read(Path file) throws BadInputException, IOException {
        return read(file, IN_MEMORY_LIMIT);
    }

    /**
     * As {@link #read(Path)}, streaming files larger than {@code inMemoryLimit} bytes (tests lower it).
     * A few chunks per processor, so that a processor busy elsewhere does not hold up the others.
     */
    static Result read(Path file, long inMemoryLimit) throws BadInputException, IOException {
        return read(file, inMemoryLimit, CHUNKS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #read(Path, long)}, in at most {@code maxChunks} chunks (tests choose it, so it does not depend on the machine). */
    static Result read(Path file, long inMemoryLimit, int maxChunks) throws BadInputException, IOException {
        Optional<UnfinishedLine> dropped = UnfinishedLine.find(file);
        Parsed parsed;
        try {
            parsed = Files.size(file) > inMemoryLimit ? readStream(file, dropped) : readInMemory(file, dropped, maxChunks);
        } catch (CharacterCodingException e) {
            throw NotUtf8.in(file);
        }
        if (parsed.rows.isEmpty()) {
            throw new BadInputException(file, 1, "header only, no data rows"
                    + dropped.map(d -> " (" + d.problem() + ")").orElse(""));
        }
        Duplicates.check(file, parsed.rows, parsed.lines());
        Configs.oneKind(file, parsed.rows, parsed.lines());
        return new Result(parsed.rows, dropped);
    }

    /** Rows and the file line of each. */
    private static final class Parsed {
        final List<Measurement> rows = new ArrayList<>();
        private int[] lines = new int[1024];

        void add(Measurement m, int line) {
            if (rows.size() == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[rows.size()] = line;
            rows.add(m);
        }

        void addAll(Parsed other) {
            for (int i = 0; i < other.rows.size(); i++) {
                add(other.rows.get(i), other.lines[i]);
            }
        }

        int[] lines() {
            return lines;
        }
    }

    private static Parsed readInMemory(Path file, Optional<UnfinishedLine> dropped, int maxChunks) throws BadInputException, IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = dropped.map(d -> (int) Math.min(d.keep(), bytes.length)).orElse(bytes.length);
        int start = length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        int headerEnd = indexOf(bytes, (byte) '\n', start, length);
        Header header = header(file, new StringReader(
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, headerEnd - start)).toString()));
        List<CsvChunk> chunks = CsvChunk.split(bytes, Math.min(headerEnd + 1, length), length,
                Math.max(1, Math.min(maxChunks, length / MIN_CHUNK)));
        // Chunks are parsed in parallel; the list keeps file order, so the first error is the earliest line.
        List<Object> parts = chunks.parallelStream().map(c -> {
            try {
                Parsed rows = new Parsed();
                parseRecords(file, strictUtf8(new ByteArrayInputStream(bytes, c.from(), c.to() - c.from())), header,
                        c.firstLine() - 1, rows);
                return (Object) rows;
            } catch (BadInputException e) {
                return e;
            } catch (CharacterCodingException e) {
                return NotUtf8.in(file);
            } catch (IOException e) {
                return new BadInputException(file, 0, "cannot read: " + e.getMessage());
            }
        }).toList();
        Parsed all = new Parsed();
        for (Object part : parts) {
            if (part instanceof BadInputException e) {
                throw e;
            }
            all.addAll((Parsed) part);
        }
        return all;
    }

    /** Reads a file too big for memory from a stream, one thread, up to its unfinished last line if any. */
    private static Parsed readStream(Path file, Optional<UnfinishedLine> dropped) throws BadInputException, IOException {
        InputStream raw = Files.newInputStream(file);
        try (BufferedReader buffered = new BufferedReader(strictUtf8(
                dropped.isPresent() ? new Limited(raw, dropped.get().keep()) : raw))) {
            String first = Objects.requireNonNullElse(buffered.readLine(), "");
            Header header = header(file, new StringReader(first.startsWith("\uFEFF") ? first.substring(1) : first));
            Parsed rows = new Parsed();
            parseRecords(file, buffered, header, 1, rows);
            return rows;
        }
    }

    /** A reader that fails on bytes that are not UTF-8 (a plain InputStreamReader would replace them silently). */
    private static Reader strictUtf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long limit) {
            super(in);
            left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            left--;
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }

    private record Header(int[] index, Map<String, Integer> secondary, int width) {
    }

    private static Header header(Path file, Reader headerLine) throws BadInputException, IOException {
        try (CsvReader<CsvRecord> parser = csv().ofCsvRecord(headerLine)) {
            Iterator<CsvRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new BadInputException(file, 0, "empty file");
            }
            CsvRecord h = it.next();
            return new Header(columnIndexes(file, h), secondaryColumns(h), h.getFieldCount());
        } catch (CsvParseException e) {
            throw new BadInputException(file, 1, "unreadable CSV: " + problem(e));
        }
    }

    /**
     * RFC 4180 as the sweep writes it; records of another width than the header's are let through
     * here, as {@link ResultsRow} names the line and both widths.
     */
    private static CsvReader.CsvReaderBuilder csv() {
        return CsvReader.builder().allowExtraFields(true).allowMissingFields(true);
    }

    /** Parses data records (no header); {@code linesBefore} is the file line just before the first record. */
    private static void parseRecords(Path file, Reader in, Header header, int linesBefore, Parsed out)
            throws BadInputException, IOException {
        int nextLine = 1; // where the record after the last one read starts, in what the parser was given
        try (CsvReader<RepeatedFields> parser = csv().build(new RepeatedFields(), in)) {
            ResultsRow row = new ResultsRow(file, header.index(), header.secondary(), header.width());
            for (RepeatedFields r : parser) {
                int line = linesBefore + (int) r.line();
                out.add(row.parse(r, line), line);
                nextLine = (int) r.line() + r.lineBreaks() + 1;
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException notUtf8) {
                throw notUtf8;
            }
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new BadInputException(file, linesBefore + nextLine, "unreadable CSV: " + problem(e));
        }
    }

    /** FastCSV's own words for what was wrong, without its line count (ours counts from the file's start). */
    private static String problem(CsvParseException e) {
        return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }

    private static int[] columnIndexes(Path file, CsvRecord header) throws BadInputException {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            byName.putIfAbsent(header.getField(i).trim(), i);
        }
        int[] index = new int[ResultsColumn.values().length];
        List<String> missing = new ArrayList<>();
        for (ResultsColumn c : ResultsColumn.values()) {
            Integer i = byName.get(c.header);
            if (i == null && !c.optional()) {
                missing.add(c.header);
            }
            index[c.ordinal()] = i == null ? -1 : i;
        }
        if (!missing.isEmpty()) {
            throw new BadInputException(file, 1, "missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (results.csv needs " + ResultsColumn.HEADER_LINE + ")");
        }
        return index;
    }

    private static Map<String, Integer> secondaryColumns(CsvRecord header) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).trim();
            if (!name.isEmpty() && ResultsColumn.byHeader(name) == null) {
                out.putIfAbsent(name, i);
            }
        }
        return out;
    }

}
