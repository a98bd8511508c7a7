package corescale.stats.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnfinishedLineTest {

    @TempDir
    Path dir;

    /** A header without its line end is the whole file, not a row cut off: it is never dropped. */
    @Test
    void aFileOfOneLineWithoutLineEndHasNoUnfinishedLine() throws IOException {
        Path p = dir.resolve("results.csv");
        Files.writeString(p, "run_id,host,os");
        assertEquals(Optional.empty(), UnfinishedLine.find(p));
    }

    /** A sweep's file is megabytes: the line end is searched for backwards and the lines counted over several 64 KiB blocks. */
    @Test
    void anUnfinishedLineAfterSeveralBlocksIsFoundAndNumbered() throws IOException {
        // 3000 lines of 100 bytes each (99 characters and a line end), then 7 bytes without a line end.
        String line = "x".repeat(99) + "\n";
        String text = line.repeat(3000) + "partial";
        Path p = dir.resolve("results.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        UnfinishedLine u = UnfinishedLine.find(p).orElseThrow();
        assertEquals(300_000, u.keep(), "everything up to and including the 3000th line end");
        assertEquals(3001, u.line());
    }
}
