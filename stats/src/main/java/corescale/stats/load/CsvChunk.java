package corescale.stats.load;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A byte range of whole CSV records of results.csv, and the file line of its first record: what one parser thread reads. */
record CsvChunk(int from, int to, int firstLine) {

    /**
     * Splits at line breaks that lie outside quoted fields (an even number of quote characters
     * before them; CSV's doubled quotes keep the parity), so no record is cut in two: the first such
     * line break at or after each of {@code parts} equal shares of the bytes ends a chunk. The quotes
     * and line breaks before each share are counted share by share in parallel, so the bytes are
     * read once, by all processors.
     *
     * @param from the first byte of the first record, which is on line 2 (line 1 is the header)
     */
    static List<CsvChunk> split(byte[] bytes, int from, int to, int parts) {
        int[] share = new int[parts + 1];
        for (int k = 0; k <= parts; k++) {
            share[k] = (int) (from + (long) (to - from) * k / parts);
        }
        int[][] counts = IntStream.range(0, parts).parallel()
                .mapToObj(k -> quotesAndLineBreaks(bytes, share[k], share[k + 1])).toArray(int[][]::new);
        long[] quotesBefore = new long[parts];
        long[] linesBefore = new long[parts];
        for (int k = 1; k < parts; k++) {
            quotesBefore[k] = quotesBefore[k - 1] + counts[k - 1][0];
            linesBefore[k] = linesBefore[k - 1] + counts[k - 1][1];
        }
        RecordStart[] starts = IntStream.range(1, parts).parallel()
                .mapToObj(k -> nextRecord(bytes, share[k], to, quotesBefore[k] % 2 == 1, 2 + linesBefore[k]))
                .toArray(RecordStart[]::new);
        List<CsvChunk> chunks = new ArrayList<>();
        int chunkStart = from;
        int chunkLine = 2;
        for (RecordStart next : starts) {
            // A share without a record end of its own (inside one long quoted field) ends where a later one does.
            if (next != null && next.at() > chunkStart) {
                chunks.add(new CsvChunk(chunkStart, next.at(), chunkLine));
                chunkStart = next.at();
                chunkLine = next.line();
            }
        }
        chunks.add(new CsvChunk(chunkStart, to, chunkLine));
        return chunks;
    }

    /** The quote characters and line breaks in {@code [from, to)}. */
    private static int[] quotesAndLineBreaks(byte[] bytes, int from, int to) {
        int quotes = 0;
        int lines = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '"') {
                quotes++;
            } else if (b == '\n') {
                lines++;
            }
        }
        return new int[] {quotes, lines};
    }

    /** Where a record starts, and its file line. */
    private record RecordStart(int at, int line) {
    }

    /**
     * The record after the first line break outside quotes at or after {@code from} ({@code line}
     * and {@code inQuotes} are those of {@code from}); null when no record starts before {@code to}.
     */
    private static RecordStart nextRecord(byte[] bytes, int from, int to, boolean inQuotes, long line) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '"') {
                inQuotes = !inQuotes;
            } else if (b == '\n') {
                line++;
                if (!inQuotes) {
                    return i + 1 < to ? new RecordStart(i + 1, (int) line) : null;
                }
            }
        }
        return null;
    }
}
