package corescale.stats.load;

import java.util.ArrayList;
import java.util.List;

/** A byte range of whole CSV records of results.csv, and the file line of its first record: what one parser thread reads. */
record CsvChunk(int from, int to, int firstLine) {

    /**
     * Splits at line breaks that lie outside quoted fields (an even number of quote characters
     * before them; CSV's doubled quotes keep the parity), so no record is cut in two.
     */
    static List<CsvChunk> split(byte[] bytes, int from, int to, int parts) {
        List<CsvChunk> chunks = new ArrayList<>();
        int target = from + (to - from) / parts;
        int chunkStart = from;
        int chunkLine = 2;
        int line = 2;
        boolean inQuotes = false;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '"') {
                inQuotes = !inQuotes;
            } else if (b == '\n') {
                line++;
                if (!inQuotes && i + 1 >= target && chunks.size() < parts - 1 && i + 1 < to) {
                    chunks.add(new CsvChunk(chunkStart, i + 1, chunkLine));
                    chunkStart = i + 1;
                    chunkLine = line;
                    target = chunkStart + (to - chunkStart) / (parts - chunks.size());
                }
            }
        }
        chunks.add(new CsvChunk(chunkStart, to, chunkLine));
        return chunks;
    }
}
