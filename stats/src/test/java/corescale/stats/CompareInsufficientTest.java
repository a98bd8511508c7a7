package corescale.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One fork a side gives no verdict and cannot fail the build; compare says so and lists the point. */
class CompareInsufficientTest {

    @TempDir
    Path dir;

    /** One fork of 5 iterations of one point, every score times factor. */
    private Path oneFork(String name, double factor) throws IOException {
        String[] lines = new String[5];
        for (int i = 0; i < 5; i++) {
            lines[i] = Synthetic.row(name, "lock", 2, 2, "thrpt", 1, i + 1, (10 + 0.01 * i) * factor, "ops/us");
        }
        return Synthetic.resultsCsv(dir, name + "/results.csv", lines).getParent();
    }

    /**
     * compare --fail-on-regression of two forks a side, at 100 and 100 + delta against 90 and 90 + 0.9 delta:
     * its exit code, compare.csv and compare.md.
     */
    private String[] compareTwoForks(String name, double delta) throws IOException {
        Path base = Synthetic.resultsCsv(dir, name + "-same/results.csv",
                Synthetic.row("same", "lock", 2, 2, "thrpt", 1, 1, 100, "ops/us"),
                Synthetic.row("same", "lock", 2, 2, "thrpt", 2, 1, 100 + delta, "ops/us")).getParent();
        Path other = Synthetic.resultsCsv(dir, name + "-less/results.csv",
                Synthetic.row("less", "lock", 2, 2, "thrpt", 1, 1, 90, "ops/us"),
                Synthetic.row("less", "lock", 2, 2, "thrpt", 2, 1, 90 + 0.9 * delta, "ops/us")).getParent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path outDir = dir.resolve(name);
        int code = new StatsTool().compare(java.util.List.of(base, other), outDir, 0.05, true,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), Files.readString(outDir.resolve("compare.csv")),
            Files.readString(outDir.resolve("compare.md"))};
    }

    /**
     * Two forks a side, each side's fork means identical, or equal within a millionth: no spread seen is
     * not certainty. Forks a ten-thousandth apart are a spread, and 10% down is then a verdict.
     */
    @Test
    void identicalForkMeansGiveNoVerdict() throws IOException {
        for (double delta : new double[] {0, 1e-5}) {
            String[] files = compareTwoForks("delta" + delta, delta);
            assertEquals("0", files[0], "no verdict fails no build");
            assertTrue(files[1].contains(",insufficient,") && !files[1].contains(",slower,"), files[1]);
            assertTrue(files[2].contains("no spread seen"), files[2]);
        }
        String[] spread = compareTwoForks("spread", 0.01);
        assertEquals("3", spread[0], "a regression fails the build");
        assertTrue(spread[1].contains(",slower,"), spread[1]);
    }

    @Test
    void halvedThroughputFromOneForkIsInsufficientNotARegression() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path outDir = dir.resolve("cmp");
        int code = new StatsTool().compare(java.util.List.of(oneFork("base", 1), oneFork("half", 0.5)), outDir, 0.05, true,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains(" (forks): 1 insufficient\n"), said);
        assertTrue(said.contains("1 point insufficient (fewer than 2 forks in a run, or fork means without spread): no verdict, not gated"), said);
        String md = Files.readString(outDir.resolve("compare.md"));
        assertTrue(md.contains("1 point has no verdict (insufficient"), md);
        assertTrue(md.contains("lock 2t/2c: base: 1 fork, needs 2 or more; other: 1 fork, needs 2 or more"), md);
        String csv = Files.readString(outDir.resolve("compare.csv"));
        assertTrue(csv.contains(",insufficient,"), csv);
    }
}
