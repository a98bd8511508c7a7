package corescale.stats.hostile;

import corescale.stats.model.ResultsColumn;
import corescale.stats.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static corescale.stats.hostile.Hostile.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17, case 4: a killed run's unfinished last line (no line end) is dropped by report and
 * compare as by the sweep's --resume, and said so in one line; a short row elsewhere stays an error.
 */
class UnfinishedLastLineTest {

    @TempDir
    Path dir;

    private static final String DROPPED = "unfinished last line 5 dropped (no line end: the run was killed while writing it)";

    /** Three whole rows, then what a writer killed mid-row leaves. */
    private Path killedRun(String name, String unfinished) throws IOException {
        Path run = Hostile.run(dir, name, row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"), row(1, 1, "thrpt", 1, 2, 10.2, "ops/us"),
                row(1, 1, "thrpt", 2, 1, 9.9, "ops/us"));
        Files.writeString(run.resolve("results.csv"), unfinished, java.nio.file.StandardOpenOption.APPEND);
        return run;
    }

    private static List<String> linesWith(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).toList();
    }

    @Test
    void reportDropsItAndSaysSoInOneLine() throws IOException {
        Path run = killedRun("a", "r-h,h,Linux,amd64,cpu,8,vendor,21");
        Hostile.Outcome o = Hostile.report(dir, run);
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of(run.resolve("results.csv") + ": read as corescale results.csv, 3 iterations; " + DROPPED),
                linesWith(o.out(), "unfinished"));
        List<String> summary = Files.readAllLines(run.resolve("summary.csv"));
        assertEquals(",3,", summary.get(1).replaceAll("^.*?thrpt,ops/us,\\d+(,\\d+,).*$", "$1"), "3 samples: " + summary.get(1));
    }

    /** A line cut inside its last number has every field and still is not used. */
    @Test
    void aLastLineThatLooksWholeIsDroppedToo() throws IOException {
        Path run = killedRun("a", row(1, 1, "thrpt", 2, 2, 10.1, "ops/us").replace(",10.1,ops/us", ",10.1,ops/u"));
        Hostile.Outcome o = Hostile.report(dir, run);
        assertEquals(0, o.code(), o.err());
        assertEquals(1, linesWith(o.out(), DROPPED).size(), o.out());
    }

    @Test
    void compareDropsItTheSameWay() throws IOException {
        Path base = killedRun("base", "r-h,h,Lin");
        Path other = Hostile.run(dir, "other", row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"), row(1, 1, "thrpt", 2, 1, 10.0, "ops/us"));
        Hostile.Outcome o = Hostile.compare(dir, base, other);
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of(base.resolve("results.csv") + ": read as corescale results.csv, 3 iterations; " + DROPPED),
                linesWith(o.out(), "unfinished"));
    }

    @Test
    void aShortRowInTheMiddleStaysAnError() throws IOException {
        Path run = Hostile.run(dir, "a", row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"), "r-h,h,Linux,amd64,cpu,8,vendor,21",
                row(1, 1, "thrpt", 1, 2, 10.0, "ops/us"));
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ":3: row has 8 fields, the header has " + ResultsColumn.HEADERS.size());
    }

    @Test
    void aFileWhoseOnlyDataLineIsUnfinishedHasNoData() throws IOException {
        Path run = Files.createDirectories(dir.resolve("a"));
        Files.writeString(run.resolve("results.csv"), Synthetic.HEADER + "\n" + "r-h,h,Lin");
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ":1: header only, no data rows ("
                + DROPPED.replace(" 5 ", " 2 ") + ")");
    }
}
