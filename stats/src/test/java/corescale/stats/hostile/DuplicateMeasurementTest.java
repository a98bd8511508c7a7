package corescale.stats.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static corescale.stats.hostile.Hostile.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 17, case 1: a measurement written twice is refused with both line numbers, never averaged. */
class DuplicateMeasurementTest {

    @TempDir
    Path dir;

    private static final String REPEAT = ": repeats line 2: fork 1 iteration 1 of Counters.increment v [work=0] cores=1 threads=1"
            + " thrpt in run r-h (a merge or resume went wrong; a measurement is never counted twice)";

    /** Scores 10.5 and 99 for the same fork and iteration, with other rows between them. */
    private Path runWithARepeat(String name) throws IOException {
        return Hostile.run(dir, name,
                row(1, 1, "thrpt", 1, 1, 10.5, "ops/us"),
                row(1, 1, "thrpt", 1, 2, 10.0, "ops/us"),
                row(2, 2, "thrpt", 1, 1, 20.0, "ops/us"),
                row(1, 1, "thrpt", 2, 1, 11.0, "ops/us"),
                row(1, 1, "thrpt", 1, 1, 99, "ops/us"));
    }

    @Test
    void reportRefusesIt() throws IOException {
        Path run = runWithARepeat("a");
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ":6" + REPEAT);
    }

    @Test
    void compareRefusesIt() throws IOException {
        Path base = Hostile.run(dir, "base", row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"), row(1, 1, "thrpt", 2, 1, 10.0, "ops/us"));
        Path other = runWithARepeat("other");
        Hostile.compare(dir, base, other).assertRefused(other.resolve("results.csv") + ":6" + REPEAT);
    }

    @Test
    void theSameForkAndIterationOfAnotherRunOrPointIsNoRepeat() throws IOException {
        Path run = Hostile.run(dir, "a",
                row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"),
                row(2, 2, "thrpt", 1, 1, 20.0, "ops/us"),
                corescale.stats.Synthetic.row("h", "w", 1, 1, "thrpt", 1, 1, 15.0, "ops/us"),
                row(1, 1, "thrpt", 1, 1, 12.0, "ops/us").replaceFirst("^r-h,", "r-other,"));
        Hostile.Outcome o = Hostile.report(dir, run);
        assertEquals(0, o.code(), o.err());
    }
}
