package corescale.stats.hostile;

import corescale.stats.StatsTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static corescale.stats.hostile.Hostile.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fleet DIR} where DIR is a fleet folder (one run folder per host) that also holds a
 * results.csv of its own: DIR was read as one machine, its host folders left unread without a word
 * and fleet.md written into DIR's parent. It is refused, naming the stray file and the host folders
 * it hides, with nothing written.
 */
class FleetStrayResultsTest {

    @TempDir
    Path dir;

    private static String[] rows() {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            for (int f = 1; f <= 3; f++) {
                for (int i = 1; i <= 2; i++) {
                    lines.add(row(n, n, "thrpt", f, i, 10.0 * n + 0.1 * f + 0.01 * i, "ops/us"));
                }
            }
        }
        return lines.toArray(String[]::new);
    }

    /** dir/fl with host folders h1 and h2 (runs) and h3 (a run.json only: its run measured nothing). */
    private Path fleet() throws IOException {
        Hostile.run(dir, "fl/h1", rows());
        Hostile.run(dir, "fl/h2", rows());
        Files.createDirectories(dir.resolve("fl/h3"));
        Files.writeString(dir.resolve("fl/h3/run.json"), "{ \"run_id\" : \"r-h3\" }\n");
        return dir.resolve("fl");
    }

    @Test
    void aResultsCsvBesideHostFoldersIsRefused() throws IOException {
        Path fl = fleet();
        Files.copy(fl.resolve("h1/results.csv"), fl.resolve("results.csv"));
        Hostile.fleet(dir, fl).assertRefused("fleet: " + fl.resolve("results.csv") + " stands beside the host folders h1, h2, h3 of "
                + fl + ": read as one run it would hide them; a fleet folder holds host folders only"
                + " (move that file away, or give the run folders themselves)");
    }

    /** The documented layout still reads: a host folder without results.csv is named and left out. */
    @Test
    void aFleetFolderOfHostFoldersIsRead() throws IOException {
        Path fl = fleet();
        Hostile.Outcome o = Hostile.fleet(dir, fl);
        assertEquals(StatsTool.OK, o.code(), o.err());
        assertTrue(o.out().contains("fleet: " + fl.resolve("h3") + " has no results.csv (its run measured nothing yet): left out"), o.out());
        assertTrue(o.out().contains("fleet: 2 machines"), o.out());
        assertTrue(Files.isRegularFile(fl.resolve("fleet.md")));
    }

    /** A run folder with its own folders (a run's cds/, profiles/) is a run, not a fleet folder. */
    @Test
    void aRunWithFoldersOfItsOwnIsStillARun() throws IOException {
        Path run = Hostile.run(dir, "fl2/a", rows());
        Files.createDirectories(run.resolve("cds"));
        Files.createDirectories(run.resolve("profiles/p1"));
        Path other = Hostile.run(dir, "fl2/b", rows());
        Hostile.Outcome o = Hostile.fleet(dir, run, other);
        assertEquals(StatsTool.OK, o.code(), o.err());
    }
}
