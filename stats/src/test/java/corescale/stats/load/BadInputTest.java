package corescale.stats.load;

import corescale.stats.model.ResultsColumn;
import corescale.stats.io.BadInputException;
import corescale.stats.StatsTool;
import corescale.stats.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bad input gives one line naming the file, the line where there is one, and the problem. */
class BadInputTest {

    @TempDir
    Path dir;

    private String problem(Path p) {
        BadInputException e = assertThrows(BadInputException.class, () -> Loader.load(p));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String good(int fork, int iteration, String mode, String score, String unit) {
        return Synthetic.row("h", "v", 1, 1, mode, fork, iteration, 1.0, unit).replace(",1.0," + unit, "," + score + "," + unit);
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("empty.csv", "");
        assertEquals(p + ": empty file", problem(p));
    }

    @Test
    void headerOnly() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER + "\n");
        assertEquals(p + ":1: header only, no data rows", problem(p));
    }

    /** A header without its line end is not an unfinished row to drop: the file has no data. */
    @Test
    void headerOnlyWithoutLineEnd() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER);
        assertEquals(p + ":1: header only, no data rows", problem(p));
    }

    @Test
    void headerOnlyJmhCsv() throws IOException {
        Path p = write("jmh.csv", "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"\n");
        assertEquals(p + ":1: header only, no data rows", problem(p));
    }

    @Test
    void unknownFormat() throws IOException {
        Path p = write("notes.csv", "name,age\nbob,3\n");
        assertEquals(p + ":1: unknown format: expected our results.csv (header starting run_id,), JMH CSV/SCSV"
                + " (header starting \"Benchmark\") or JMH JSON, found 'name,age'", problem(p));
    }

    @Test
    void renamedColumn() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER.replace(",score,", ",value,") + "\n" + good(1, 1, "thrpt", "1.0", "ops/us") + "\n");
        assertTrue(problem(p).startsWith(p + ":1: missing column score (results.csv needs run_id,"), problem(p));
    }

    @Test
    void missingJmhColumn() throws IOException {
        Path p = write("jmh.csv", "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Unit\"\n\"a.B.c\",\"thrpt\",1,1,1.0,\"ops/s\"\n");
        assertEquals(p + ":1: missing JMH CSV column Score Error (99.9%)", problem(p));
    }

    @Test
    void nonNumericScore() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER + "\n" + good(1, 1, "thrpt", "1.0", "ops/us") + "\n"
                + good(1, 2, "thrpt", "fast", "ops/us") + "\n");
        assertEquals(p + ":3: score 'fast' is not a number", problem(p));
    }

    @Test
    void nanScore() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER + "\n" + good(1, 1, "thrpt", "NaN", "ops/us") + "\n");
        assertEquals(p + ":2: score is NaN, not a finite number", problem(p));
    }

    @Test
    void nanScoreInJmhCsv() throws IOException {
        Path p = write("jmh.csv", "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"\n"
                + "\"a.b.C.m\",\"thrpt\",1,5,NaN,NaN,\"ops/s\"\n");
        assertEquals(p + ":2: Score is NaN, not a finite number", problem(p));
    }

    @Test
    void negativeTime() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER + "\n" + good(1, 1, "avgt", "-3.5", "ns/op") + "\n");
        assertEquals(p + ":2: score -3.5 is negative (a time)", problem(p));
    }

    @Test
    void unitThatDoesNotFitTheMode() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER + "\n" + good(1, 1, "thrpt", "3.5", "ns/op") + "\n");
        assertEquals(p + ":2: unit 'ns/op' is not a throughput unit (ops/<time>) for mode thrpt", problem(p));
    }

    /** The unit is checked against each row's mode, also when only the mode changed since the row before. */
    @Test
    void unitThatFitsThePreviousRowsModeButNotItsOwn() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER + "\n" + good(1, 1, "thrpt", "3.5", "ops/us") + "\n"
                + good(1, 1, "avgt", "3.5", "ops/us") + "\n");
        assertEquals(p + ":3: unit 'ops/us' is not a time unit (<time>/op) for mode avgt", problem(p));
    }

    @Test
    void truncatedJson() throws IOException {
        String json = Files.readString(LoaderTest.fixture("jmh.json"));
        Path p = write("jmh.json", json.substring(0, json.indexOf("\"rawData\"")));
        String msg = problem(p);
        int lines = (int) json.substring(0, json.indexOf("\"rawData\"")).lines().count();
        assertTrue(msg.startsWith(p + ":" + lines + ": invalid or truncated JSON: "), msg);
    }

    @Test
    void raggedRow() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER + "\n" + good(1, 1, "thrpt", "1.0", "ops/us") + "\n"
                + good(1, 2, "thrpt", "1.0", "ops/us").replace(",ops/us", "") + "\n");
        assertEquals(p + ":3: row has " + (ResultsColumn.HEADERS.size() - 1) + " fields, the header has " + ResultsColumn.HEADERS.size(), problem(p));
    }

    @Test
    void characterAfterClosingQuote() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER + "\n" + good(1, 1, "thrpt", "1.0", "ops/us") + "\n"
                + good(1, 2, "thrpt", "1.0", "ops/us").replace(",thrpt,", ",\"thr\"pt,") + "\n");
        assertEquals(p + ":3: unreadable CSV: Unexpected character after closing quote: 'p' (0x70)", problem(p));
        // After a record whose quoted field holds a line break, the bad record starts a line later.
        Path q = write("results2.csv", Synthetic.HEADER + "\n"
                + good(1, 1, "thrpt", "1.0", "ops/us").replace(",h,", ",\"h\nh\",") + "\n"
                + good(1, 2, "thrpt", "1.0", "ops/us").replace(",thrpt,", ",\"thr\"pt,") + "\n");
        assertEquals(q + ":4: unreadable CSV: Unexpected character after closing quote: 'p' (0x70)", problem(q));
    }

    @Test
    void quoteLeftOpen() throws IOException {
        Path p = write("results.csv", Synthetic.HEADER + "\n" + good(1, 1, "thrpt", "1.0", "ops/us") + "\n"
                + good(1, 2, "thrpt", "1.0", "ops/us").replace(",thrpt,", ",\"thrpt,") + "\n"
                + good(1, 3, "thrpt", "1.0", "ops/us") + "\n");
        assertEquals(p + ":3: row has " + (ResultsColumn.HEADERS.size() - 5) + " fields, the header has "
                + ResultsColumn.HEADERS.size() + ": a quoted field takes in the lines after it (a quote left open?)", problem(p));
    }

    @Test
    void directoryWithoutResults() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("run"));
        Files.writeString(empty.resolve("summary.csv"), "benchmark\n");
        assertEquals(empty + ": no results.csv and no JMH .json/.csv result files in this directory", problem(empty));
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.csv");
        assertEquals(p + ": no such file or directory", problem(p));
    }

    @Test
    void twoFilesOneBadWritesNothing() throws IOException {
        Path good = Synthetic.resultsCsv(dir, "a/results.csv", Synthetic.row("h", "v", 1, 1, "thrpt", 1, 1, 2.0, "ops/us"));
        Path bad = write("b.csv", Synthetic.HEADER + "\n" + good(1, 1, "thrpt", "x", "ops/us") + "\n");
        Path out = dir.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new StatsTool().report(List.of(good, bad), out, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals(bad + ":2: score 'x' is not a number" + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        assertTrue(!Files.exists(out), "nothing written");
        try (Stream<Path> s = Files.list(good.getParent())) {
            assertEquals(List.of(good), s.toList(), "nothing written beside the inputs either");
        }
    }
}
