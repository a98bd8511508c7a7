package corescale.stats.hostile;

import corescale.stats.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static corescale.stats.hostile.Hostile.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 17, case 5: a file that is not UTF-8 is refused naming the line of its first bad byte. */
class NotUtf8Test {

    @TempDir
    Path dir;

    /** A results.csv of {@code rows} rows (about 150 bytes each) whose row on {@code badLine} names a Latin-1 "café". */
    private Path latin1At(int badLine, int rows) throws IOException {
        Path run = Files.createDirectories(dir.resolve("a"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((Synthetic.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        for (int line = 2; line <= rows + 1; line++) {
            String r = row(1, 1, "thrpt", line, 1, 10.0, "ops/us") + "\n";
            bytes.writeBytes(line == badLine ? r.replace(",Linux,", ",Linux café,").getBytes(StandardCharsets.ISO_8859_1)
                    : r.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(run.resolve("results.csv"), bytes.toByteArray());
        return run;
    }

    /** Past the first 4 KB, which the format detection reads; before, a bad byte was silently replaced. */
    @Test
    void aBadByteDeepInTheFile() throws IOException {
        Path run = latin1At(60, 80);
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv")
                + ":60: not UTF-8 text: byte 0xE9, byte 16 of the line (save the file as UTF-8)");
    }

    /** Within the first 4 KB: found while detecting the format. */
    @Test
    void aBadByteNearTheTop() throws IOException {
        Path run = latin1At(3, 5);
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv")
                + ":3: not UTF-8 text: byte 0xE9, byte 16 of the line (save the file as UTF-8)");
    }

    @Test
    void compareRefusesItToo() throws IOException {
        Path base = latin1At(60, 80);
        Path other = Hostile.run(dir, "other", row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"));
        Hostile.compare(dir, base, other).assertRefused(base.resolve("results.csv")
                + ":60: not UTF-8 text: byte 0xE9, byte 16 of the line (save the file as UTF-8)");
    }

    /**
     * The bad byte is found in 64 KiB blocks: here in a line that starts in the first block, after a
     * two-byte "é" cut by the block's end (bytes 65535 and 65536 of the file); its line and its byte
     * in the line are still counted right.
     */
    @Test
    void aBadByteInALineAcrossTwoBlocks() throws IOException {
        Path run = Files.createDirectories(dir.resolve("a"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((Synthetic.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        int line = 2;
        while (bytes.size() < 65_000) {
            bytes.writeBytes((row(1, 1, "thrpt", line, 1, 10.0, "ops/us") + "\n").getBytes(StandardCharsets.UTF_8));
            line++;
        }
        // The row starts with its run id, "r-" + host: the host is padded with ASCII up to offset 65535, then "é"s.
        int lineStart = bytes.size();
        String host = "x".repeat(65_535 - (lineStart + 2)) + "é".repeat(20);
        String across = Synthetic.row(host, "v", 1, 1, "thrpt", 1, 1, 10.0, "ops/us").replace(",Linux,", ",Linux café,") + "\n";
        // UTF-8 up to "Linux caf", then the Latin-1 "é" (0xE9) and the rest
        int cut = across.indexOf("Linux café") + "Linux caf".length();
        byte[] good = across.substring(0, cut).getBytes(StandardCharsets.UTF_8);
        assertEquals((byte) 0xC3, good[65_535 - lineStart], "the first byte of an é at offset 65535");
        bytes.writeBytes(good);
        bytes.writeBytes(across.substring(cut).getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 20; i++) {
            bytes.writeBytes((row(1, 1, "thrpt", line + 1 + i, 1, 10.0, "ops/us") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(run.resolve("results.csv"), bytes.toByteArray());
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ":" + line + ": not UTF-8 text: byte 0xE9, byte "
                + (good.length + 1) + " of the line (save the file as UTF-8)");
    }
}
