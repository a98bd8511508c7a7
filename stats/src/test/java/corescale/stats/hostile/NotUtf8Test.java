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
}
