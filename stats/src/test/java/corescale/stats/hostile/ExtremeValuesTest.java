package corescale.stats.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static corescale.stats.hostile.Hostile.row;

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

    @Test
    void aScoreThatOverflowsWhenConvertedIsRefusedAtItsLine() throws IOException {
        Path run = Hostile.run(dir, "a", row(1, 1, "thrpt", 1, 1, 10, "ops/us"), row(1, 1, "thrpt", 1, 2, 1e308, "ops/ns"));
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv")
                + ":3: score 1.0E308 ops/ns is beyond the range of a double once converted to ops/us");
    }
}
