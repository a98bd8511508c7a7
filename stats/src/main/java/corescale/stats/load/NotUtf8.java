package corescale.stats.load;

import corescale.stats.io.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The message for a file that is not UTF-8: the decoders report only that a byte is bad, so the file
 * is scanned again (only then) for the first bad byte, its line and column.
 */
public final class NotUtf8 {

    private static final int BLOCK = 1 << 16;

    private NotUtf8() {
    }

    /** One line naming the file, the line of its first byte that is not UTF-8, and that byte. */
    public static BadInputException in(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports bad input, replaces nothing
            ByteBuffer bytes = ByteBuffer.allocate(BLOCK).flip(); // holds undecoded bytes in [0, limit)
            CharBuffer chars = CharBuffer.allocate(BLOCK);
            long offset = 0; // file offset of bytes[0]
            long lineStart = 0;
            int line = 1;
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.limit(), bytes.capacity() - bytes.limit());
                end = n < 0;
                bytes.limit(bytes.limit() + Math.max(n, 0));
                CoderResult r = decoder.decode(bytes, chars.clear(), end);
                // Bytes decoded so far are good: count their lines ('\n' is never part of a longer UTF-8 sequence).
                for (int i = 0; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        line++;
                        lineStart = offset + i + 1;
                    }
                }
                if (r.isError()) {
                    long at = offset + bytes.position();
                    return new BadInputException(file, line, String.format(Locale.ROOT,
                            "not UTF-8 text: byte 0x%02X, byte %d of the line (save the file as UTF-8)",
                            bytes.get(bytes.position()) & 0xff, at - lineStart + 1));
                }
                offset += bytes.position();
                bytes.compact().flip();
            }
        } catch (IOException e) {
            return new BadInputException(file, 0, "cannot read: " + e.getMessage());
        }
        return new BadInputException(file, 0, "not UTF-8 text");
    }
}
