package corescale.stats.load;

import corescale.stats.io.BadInputException;
import corescale.stats.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Files over the in-memory limit are streamed; the hostile cases must come out the same on that path. */
class StreamedReadTest {

    @TempDir
    Path dir;

    private static String row(int fork, int iteration, double score) {
        return Synthetic.row("h", "v", 1, 1, "thrpt", fork, iteration, score, "ops/us");
    }

    @Test
    void anUnfinishedLastLineIsDroppedOnBothPaths() throws Exception {
        Path p = Synthetic.resultsCsv(dir, "results.csv", row(1, 1, 10), row(1, 2, 11), row(2, 1, 12));
        Files.writeString(p, row(2, 2, 13).substring(0, 40), StandardOpenOption.APPEND);
        ResultsCsvReader.Result inMemory = ResultsCsvReader.read(p, Long.MAX_VALUE);
        ResultsCsvReader.Result streamed = ResultsCsvReader.read(p, 0);
        assertEquals(3, inMemory.rows().size());
        assertEquals(inMemory, streamed);
        assertEquals(5, streamed.dropped().orElseThrow().line());
    }

    @Test
    void aRepeatAndABadByteGiveTheSameMessageOnBothPaths() throws IOException {
        Path repeat = Synthetic.resultsCsv(dir, "a/results.csv", row(1, 1, 10), row(1, 2, 11), row(1, 1, 12));
        Path latin1 = dir.resolve("b/results.csv");
        Files.createDirectories(latin1.getParent());
        Files.write(latin1, (Synthetic.HEADER + "\n" + row(1, 1, 10) + "\n" + row(1, 2, 11).replace(",v,", ",vé,") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (Path p : new Path[]{repeat, latin1}) {
            String inMemory = assertThrows(BadInputException.class, () -> ResultsCsvReader.read(p, Long.MAX_VALUE)).getMessage();
            String streamed = assertThrows(BadInputException.class, () -> ResultsCsvReader.read(p, 0)).getMessage();
            assertEquals(inMemory, streamed);
        }
        assertEquals(repeat + ":4: repeats line 2: fork 1 iteration 1 of Counters.increment v [work=0] cores=1 threads=1 thrpt"
                + " in run r-h (a merge or resume went wrong; a measurement is never counted twice)",
                assertThrows(BadInputException.class, () -> ResultsCsvReader.read(repeat, 0)).getMessage());
        assertEquals(latin1 + ":3: not UTF-8 text: byte 0xE9, byte 73 of the line (save the file as UTF-8)",
                assertThrows(BadInputException.class, () -> ResultsCsvReader.read(latin1, 0)).getMessage());
    }
}
