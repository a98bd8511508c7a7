package corescale.stats.hostile;

import corescale.stats.load.LoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static corescale.stats.hostile.Hostile.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17, case 2: values the sweep cannot have written are refused at their line. */
class ImpossibleValuesTest {

    @TempDir
    Path dir;

    private void refused(String badRow, String problem) throws IOException {
        Path run = Hostile.run(dir, "a", row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"), badRow);
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ":3: " + problem);
    }

    private static final String NOT_A_COUNT = ", not a count of at least 1";
    private static final String CORES = NOT_A_COUNT + " (0, unknown, is for JMH files only; results.csv records the cores of every fork)";

    @Test
    void negativeCores() throws IOException {
        refused(row(-2, 1, "thrpt", 1, 1, 10.0, "ops/us"), "cores is -2" + CORES);
    }

    @Test
    void zeroCores() throws IOException {
        refused(row(0, 1, "thrpt", 1, 1, 10.0, "ops/us"), "cores is 0" + CORES);
    }

    @Test
    void zeroThreads() throws IOException {
        refused(row(1, 0, "thrpt", 1, 1, 10.0, "ops/us"), "threads is 0" + NOT_A_COUNT);
    }

    @Test
    void zeroFork() throws IOException {
        refused(row(1, 1, "thrpt", 0, 1, 10.0, "ops/us"), "fork is 0" + NOT_A_COUNT);
    }

    @Test
    void averageTimeOfZero() throws IOException {
        refused(row(1, 1, "avgt", 1, 1, 0.0, "us/op"),
                "score is 0, a time of nothing per operation (an infinite throughput): a JMH iteration completes at least one operation");
    }

    @Test
    void throughputOfZero() throws IOException {
        refused(row(1, 1, "thrpt", 1, 2, 0.0, "ops/us"),
                "score is 0, a throughput of nothing (an infinite time per operation): a JMH iteration completes at least one operation");
    }

    @Test
    void compareRefusesThemToo() throws IOException {
        Path base = Hostile.run(dir, "base", row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"));
        Path other = Hostile.run(dir, "other", row(1, 1, "thrpt", 1, 1, 10.0, "ops/us"), row(1, 0, "thrpt", 1, 1, 10.0, "ops/us"));
        Hostile.compare(dir, base, other).assertRefused(other.resolve("results.csv") + ":3: threads is 0" + NOT_A_COUNT);
    }

    /** A plain JMH file knows no cores: 0 there means unknown and stays accepted. */
    @Test
    void unknownCoresOfAJmhFileStayAccepted() throws IOException {
        Path jmh = Files.createDirectories(dir.resolve("jmh")).resolve("jmh-en.csv");
        Files.copy(LoaderTest.fixture("jmh-en.csv"), jmh);
        Hostile.Outcome o = Hostile.report(dir, jmh);
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(jmh.resolveSibling("summary.csv")).contains("Counters.increment,synchronized,workInside=0,0,2,thrpt,"),
                "cores 0 (unknown) in summary.csv");
    }
}
