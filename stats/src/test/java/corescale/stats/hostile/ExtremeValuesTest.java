package corescale.stats.hostile;

import corescale.stats.Synthetic;
import corescale.stats.load.LoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static corescale.stats.hostile.Hostile.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, case 3: scores near the ends of the double range are finite, but their sums, squares and
 * ratios are not; such results are refused, never written as Infinity or a 300-digit number.
 */
class ExtremeValuesTest {

    @TempDir
    Path dir;

    private static final String OVERFLOW = ": not a finite number; scores this large, small or far apart overflow double"
            + " arithmetic, so nothing was written";

    /** The case: one fork at 1e308, one at 1e-308; the mean is finite (5e307), its interval is not. */
    @Test
    void anIntervalThatOverflowsIsRefused() throws IOException {
        Path run = Hostile.run(dir, "a", row(1, 1, "thrpt", 1, 1, 1e308, "ops/us"), row(1, 1, "thrpt", 2, 1, 1e-308, "ops/us"));
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ": Counters.increment v [work=0] cores=1 threads=1"
                + " thrpt: its 95% interval is -Infinity to Infinity (fork means 1.0E-308 to 1.0E308 ops/us)" + OVERFLOW);
    }

    @Test
    void aMeanThatOverflowsIsRefused() throws IOException {
        Path run = Hostile.run(dir, "a", row(1, 1, "thrpt", 1, 1, 1e308, "ops/us"), row(1, 1, "thrpt", 2, 1, 1e308, "ops/us"));
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ": Counters.increment v [work=0] cores=1 threads=1"
                + " thrpt: its mean is NaN (fork means 1.0E308 to 1.0E308 ops/us)" + OVERFLOW);
    }

    @Test
    void aForkMeanThatOverflowsIsRefused() throws IOException {
        Path run = Hostile.run(dir, "a", row(1, 1, "thrpt", 1, 1, 1e308, "ops/us"), row(1, 1, "thrpt", 1, 2, 1e308, "ops/us"),
                row(1, 1, "thrpt", 2, 1, 1, "ops/us"));
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ": Counters.increment v [work=0] cores=1 threads=1"
                + " thrpt: a fork mean is NaN" + OVERFLOW);
    }

    @Test
    void aRatioThatOverflowsIsRefusedByCompare() throws IOException {
        Path base = Hostile.run(dir, "base", row(1, 1, "thrpt", 1, 1, 1e-160, "ops/us"), row(1, 1, "thrpt", 2, 1, 1.1e-160, "ops/us"));
        Path other = Hostile.run(dir, "other", row(1, 1, "thrpt", 1, 1, 1e150, "ops/us"), row(1, 1, "thrpt", 2, 1, 1.1e150, "ops/us"));
        Hostile.compare(dir, base, other).assertRefused(other + ": Counters.increment v [work=0] cores=1 threads=1 thrpt: its ratio to "
                + base + " is Infinity (interval Infinity to Infinity; means 1.05E-160 and 1.05E150)" + OVERFLOW);
    }

    /**
     * Zero is no overflow: results.csv refuses a score of 0 at its line; JMH's files let single zeros
     * through (a sample of a coarse timer), and a point whose every score is 0 is refused for what it is.
     */
    @Test
    void aJmhPointWhoseEveryScoreIsZeroIsRefusedAsSuch() throws IOException {
        Path json = Files.writeString(dir.resolve("zero.json"), "[{\"benchmark\":\"org.example.Z.z\",\"mode\":\"thrpt\","
                + "\"threads\":1,\"forks\":2,\"measurementIterations\":2,\"params\":{},\"primaryMetric\":{\"score\":0,"
                + "\"scoreError\":0,\"scoreUnit\":\"ops/us\",\"rawData\":[[0,0],[0,0]]}}]");
        Hostile.report(dir, json).assertRefused(json + ": Z.z z cores=0 threads=1 thrpt: every score is 0 ops/us, so it has"
                + " no ratio to any other point; nothing was written");
    }

    @Test
    void aScoreThatOverflowsWhenConvertedIsRefusedAtItsLine() throws IOException {
        Path run = Hostile.run(dir, "a", row(1, 1, "thrpt", 1, 1, 10, "ops/us"), row(1, 1, "thrpt", 1, 2, 1e308, "ops/ns"));
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv")
                + ":3: score 1.0E308 ops/ns is beyond the range of a double once converted to ops/us");
    }

    /**
     * The fork mean named is the one that overflowed (fork 2), not the first fork's finite one; NaN as
     * in aForkMeanThatOverflowsIsRefused (the mean's correction term takes Infinity from Infinity).
     */
    @Test
    void theForkMeanNamedIsTheOneThatOverflowed() throws IOException {
        Path run = Hostile.run(dir, "a", row(1, 1, "thrpt", 1, 1, 1, "ops/us"),
                row(1, 1, "thrpt", 2, 1, 1e308, "ops/us"), row(1, 1, "thrpt", 2, 2, 1e308, "ops/us"));
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ": Counters.increment v [work=0] cores=1 threads=1"
                + " thrpt: a fork mean is NaN" + OVERFLOW);
    }

    /** Of several inputs, the one holding the point is named, not one before it (of per-iteration rows or of pooled points). */
    @Test
    void theFileNamedIsTheOneHoldingThePoint() throws IOException {
        Path fine = Hostile.run(dir, "a", Synthetic.row("h", "w", 1, 1, "thrpt", 1, 1, 5, "ops/us"));
        Path pooled = Files.createDirectories(dir.resolve("jmh")).resolve("jmh-en.csv");
        Files.copy(LoaderTest.fixture("jmh-en.csv"), pooled);
        Path bad = Hostile.run(dir, "b", row(1, 1, "thrpt", 1, 1, 1e308, "ops/us"), row(1, 1, "thrpt", 1, 2, 1e308, "ops/us"),
                row(1, 1, "thrpt", 2, 1, 1, "ops/us"));
        Hostile.report(dir, fine, pooled, bad).assertRefused(bad.resolve("results.csv") + ": Counters.increment v [work=0] cores=1 threads=1"
                + " thrpt: a fork mean is NaN" + OVERFLOW);
    }

    /** A JMH file's pooled point is found in it too: 1e308 with an error of 1e308 has an upper interval end past the doubles. */
    @Test
    void theJmhFileHoldingAPooledPointIsNamed() throws IOException {
        Path fine = Hostile.run(dir, "a", Synthetic.row("h", "w", 1, 1, "thrpt", 1, 1, 5, "ops/us"));
        Path jmh = dir.resolve("jmh.csv");
        Files.writeString(jmh, "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"\n"
                + "\"org.example.Router.forward\",\"thrpt\",1,10,1e308,1e308,\"ops/us\"\n");
        Hostile.Outcome o = Hostile.report(dir, fine, jmh);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith(jmh + ": Router.forward forward cores=0 threads=1 thrpt: its 95% interval is "), o.err());
        assertTrue(o.err().endsWith(OVERFLOW + System.lineSeparator()), o.err());
        assertEquals(o.before(), o.after(), "nothing written");
    }

    /**
     * Compare's ratio 1.05e-180 / 1.05e150 = 1e-330 is below the smallest double (4.9e-324): it
     * underflows to 0, which is refused like an overflow (a ratio of positive means is positive).
     */
    @Test
    void aRatioThatUnderflowsToZeroIsRefusedByCompare() throws IOException {
        Path base = Hostile.run(dir, "base", row(1, 1, "thrpt", 1, 1, 1e150, "ops/us"), row(1, 1, "thrpt", 2, 1, 1.1e150, "ops/us"));
        Path other = Hostile.run(dir, "other", row(1, 1, "thrpt", 1, 1, 1e-180, "ops/us"), row(1, 1, "thrpt", 2, 1, 1.1e-180, "ops/us"));
        Hostile.compare(dir, base, other).assertRefused(other + ": Counters.increment v [work=0] cores=1 threads=1 thrpt: its ratio to "
                + base + " is 0.0 (interval 0.0 to 0.0; means 1.05E150 and 1.05E-180)" + OVERFLOW);
    }
}
