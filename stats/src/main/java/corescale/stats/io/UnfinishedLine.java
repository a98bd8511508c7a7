package corescale.stats.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one rule for a results.csv whose last line has no line end, used by the sweep's
 * {@code --resume} and by {@code report}/{@code compare} alike. The sweep appends whole rows, each
 * ending in a line end, so such a line is what a writer killed mid-write leaves. It may even look
 * whole while being cut inside a number, so it is never used: everything after the last line end is
 * dropped, and the caller says so in one line ({@link #problem()}). The header (line 1) is never
 * taken for one; a short row anywhere else stays an error.
 *
 * @param keep bytes of the file up to and including its last line end
 * @param line 1-based number of the unfinished line
 */
public record UnfinishedLine(long keep, long line) {

    private static final int BLOCK = 1 << 16;

    /** The unfinished last line of {@code file}; empty when the file is empty, ends in a line end, or is one line. */
    public static Optional<UnfinishedLine> find(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0 || byteAt(ch, size - 1) == '\n') {
                return Optional.empty();
            }
            long keep = lastLineEnd(ch, size) + 1;
            if (keep == 0) {
                return Optional.empty();
            }
            return Optional.of(new UnfinishedLine(keep, lineEnds(ch, keep) + 1));
        }
    }

    /** What happened, for a line after the file name: {@code unfinished last line 7 dropped (...)}. */
    public String problem() {
        return "unfinished last line " + line + " dropped (no line end: the run was killed while writing it)";
    }

    private static byte byteAt(FileChannel ch, long position) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        ch.read(b, position);
        return b.get(0);
    }

    /** Position of the last '\n' before {@code end}, or -1; reads backwards, so only the tail is read. */
    private static long lastLineEnd(FileChannel ch, long end) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(BLOCK);
        for (long to = end; to > 0; ) {
            long from = Math.max(0, to - BLOCK);
            b.clear().limit((int) (to - from));
            read(ch, b, from);
            for (int i = (int) (to - from) - 1; i >= 0; i--) {
                if (b.get(i) == '\n') {
                    return from + i;
                }
            }
            to = from;
        }
        return -1;
    }

    /** Line ends in the first {@code end} bytes (a whole pass, done only when a line is dropped). */
    private static long lineEnds(FileChannel ch, long end) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(BLOCK);
        long count = 0;
        for (long from = 0; from < end; from += BLOCK) {
            int n = (int) Math.min(BLOCK, end - from);
            b.clear().limit(n);
            read(ch, b, from);
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    count++;
                }
            }
        }
        return count;
    }

    private static void read(FileChannel ch, ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("file shrank while being read");
            }
        }
    }
}
