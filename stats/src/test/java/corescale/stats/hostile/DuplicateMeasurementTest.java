package corescale.stats.hostile;

import corescale.stats.io.BadInputException;
import corescale.stats.Synthetic;
import corescale.stats.load.Loader;
import corescale.stats.model.Measurement;
import corescale.stats.model.ResultsColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    /** The line named is the one repeated, not the first line of the point. */
    @Test
    void theLineNamedIsTheOneRepeated() throws IOException {
        Path run = Hostile.run(dir, "a",
                row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"),
                row(1, 1, "thrpt", 1, 2, 11.0, "ops/us"),
                row(1, 1, "thrpt", 1, 2, 12.0, "ops/us"));
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ":4: repeats line 3: fork 1 iteration 2 of"
                + " Counters.increment v [work=0] cores=1 threads=1 thrpt in run r-h (a merge or resume went wrong;"
                + " a measurement is never counted twice)");
    }

    /** Of two points with a repeat each, the first repeat in file order is named (line 4), not the later (line 5). */
    @Test
    void ofSeveralRepeatsTheFirstInTheFileIsNamed() throws IOException {
        Path run = Hostile.run(dir, "a",
                row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"),
                row(2, 2, "thrpt", 1, 1, 20.0, "ops/us"),
                row(2, 2, "thrpt", 1, 1, 21.0, "ops/us"),
                row(1, 1, "thrpt", 1, 1, 11.0, "ops/us"));
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ":4: repeats line 3: fork 1 iteration 1 of"
                + " Counters.increment v [work=0] cores=2 threads=2 thrpt in run r-h (a merge or resume went wrong;"
                + " a measurement is never counted twice)");
    }

    /** run --config measures each configuration's fork 1 in round 1: rows of one point, side by side, no repeat. */
    @Test
    void theSameForkAndIterationOfAnotherConfigurationIsNoRepeat() throws IOException, BadInputException {
        Path run = Hostile.run(dir, "a",
                Synthetic.line(Map.of(ResultsColumn.CONFIG, "base", ResultsColumn.SCORE, 10.0)),
                Synthetic.line(Map.of(ResultsColumn.CONFIG, "other", ResultsColumn.SCORE, 12.0)));
        List<Measurement> rows = Loader.loadFile(run.resolve("results.csv")).measurements();
        assertEquals(List.of("base", "other"), rows.stream().map(m -> m.run().config()).toList());
    }
}
