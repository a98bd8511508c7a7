package corescale.stats.hostile;

import corescale.stats.run.PointsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static corescale.stats.hostile.Hostile.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * points.csv through {@code report} and {@code compare}: a number its column cannot hold (a target
 * that is no precision target, a steal that is no percentage, forks that are no count) and an empty
 * file are refused at their line, naming the column, with nothing written; a header alone (a run
 * stopped before its first point) is read as no points.
 */
class PointsCsvValuesTest {

    @TempDir
    Path dir;

    private static final String HEADER = String.join(",", PointsFile.KEY) + "," + String.join(",", PointsFile.VALUES);
    private static final String TARGET = "a precision target, a fraction above 0 and below 1 as run --precision takes it";
    private static final String STEAL = "a percentage of the CPUs' time, at most 100";

    /** A run of the points 1 core 1 thread and 2 cores 2 threads, 4 forks each. */
    private Path run(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            for (int f = 1; f <= 4; f++) {
                for (int i = 1; i <= 2; i++) {
                    lines.add(row(n, n, "thrpt", f, i, 10.0 * n + 0.1 * f + 0.01 * i, "ops/us"));
                }
            }
        }
        return Hostile.run(dir, name, lines.toArray(String[]::new));
    }

    /** points.csv's row of the point n cores n threads, stopped at its 3% target, with {@code column} set to {@code value}. */
    private static String point(int n, String column, String value) {
        List<String> header = List.of(HEADER.split(","));
        String[] cells = ("counters,Counters.increment,v,work=0," + n + "," + n + ",thrpt,4," + (10.0 * n) + ",ops/us,0.01,0.03,"
                + "target_met,4.0,2.0,0,0.10,12,,").split(",", -1);
        if (column != null) {
            cells[header.indexOf(column)] = value;
        }
        return String.join(",", cells);
    }

    /** The run {@code a} whose points.csv has a good line 2 and, at line 3, {@code column} set to {@code value}. */
    private Path withBadLine(String column, String value) throws IOException {
        Path run = run("a");
        Files.writeString(run.resolve(PointsFile.NAME), HEADER + "\n" + point(1, null, null) + "\n" + point(2, column, value) + "\n");
        return run;
    }

    private void refused(String column, String value, String problem) throws IOException {
        Path run = withBadLine(column, value);
        Hostile.report(dir, run).assertRefused(run.resolve(PointsFile.NAME) + ":3: column " + column + ": " + problem);
    }

    @Test
    void aTargetOfNaNIsRefused() throws IOException {
        refused("target", "NaN", "NaN is not " + TARGET);
    }

    @Test
    void aTargetOfZeroIsRefused() throws IOException {
        refused("target", "0", "0 is not " + TARGET);
    }

    @Test
    void aNegativeTargetIsRefused() throws IOException {
        refused("target", "-1", "-1 is not " + TARGET);
    }

    @Test
    void anInfiniteTargetIsRefusedInPointsCsvNotBlamedOnResultsCsv() throws IOException {
        refused("target", "Infinity", "Infinity is not " + TARGET);
    }

    /** The point stopped at its target: a blank target would leave its interval unknown. */
    @Test
    void aBlankTargetWhereThePointStoppedAtItIsRefused() throws IOException {
        refused("target", "", "empty where stop is target_met (the point stopped at its target, which the row names)");
    }

    @Test
    void aStealOfNaNIsRefused() throws IOException {
        refused("steal_pct", "NaN", "NaN is not " + STEAL);
    }

    @Test
    void aStealAbove100IsRefused() throws IOException {
        refused("steal_pct", "100.5", "100.5 is not " + STEAL);
    }

    /** What the sweep can write: a wall clock stepped back during a fork, a steal counter stepped back. */
    @Test
    void aNegativeMeasureTimeOrStealIsRead() throws IOException {
        Path run = run("a");
        Files.writeString(run.resolve(PointsFile.NAME), HEADER + "\n" + point(1, "measure_seconds", "-0.4") + "\n"
                + point(2, "steal_pct", "-0.25") + "\n");
        Hostile.Outcome o = Hostile.report(dir, run);
        assertEquals(0, o.code(), o.err());
    }

    @Test
    void forksThatAreNotANumberAreRefused() throws IOException {
        refused("forks", "abc", "'abc' is not a whole number");
    }

    @Test
    void zeroForksAreRefused() throws IOException {
        refused("forks", "0", "0 is not a count of at least 1");
    }

    /** A misspelt stop would silently lose the point's target: the interval the report shows. */
    @Test
    void aStopTheSweepNeverWritesIsRefused() throws IOException {
        refused("stop", "target-met", "'target-met' is not one of target_met, modes, max_forks, time_cap, budget, fixed_forks, "
                + "failed, pending");
    }

    @Test
    void compareRefusesThemToo() throws IOException {
        Path base = run("base");
        Path other = withBadLine("target", "0");
        Hostile.compare(dir, base, other).assertRefused(other.resolve(PointsFile.NAME) + ":3: column target: 0 is not " + TARGET);
    }

    /** The sweep writes the header before any point: an empty file is a damaged one. */
    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path run = run("a");
        Files.writeString(run.resolve(PointsFile.NAME), "");
        Hostile.report(dir, run).assertRefused(run.resolve(PointsFile.NAME) + ": empty file (the sweep writes the header before "
                + "any point; a run stopped before its first point leaves the header alone)");
    }

    /** A run stopped before its first point finished has the header alone: no points, no targets, a report. */
    @Test
    void aHeaderAloneIsARunStoppedBeforeItsFirstPoint() throws IOException {
        Path run = run("a");
        Files.writeString(run.resolve(PointsFile.NAME), HEADER + "\n");
        Hostile.Outcome o = Hostile.report(dir, run);
        assertEquals(0, o.code(), o.err());
    }

    /** The good rows read: a report on them. */
    @Test
    void goodRowsAreRead() throws IOException {
        Path run = withBadLine(null, null);
        Hostile.Outcome o = Hostile.report(dir, run);
        assertEquals(0, o.code(), o.err());
    }
}
