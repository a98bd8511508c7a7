package corescale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.stats.model.ResultsColumn;

/** {@code compare}'s arguments: comma-separated replicate runs per side beside several OTHERs, and their errors. */
class CompareCommandTest {

    @TempDir
    Path dir;

    private static CliRun compare(String... args) {
        List<String> all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));
        return CliRun.execute(all.toArray(String[]::new));
    }

    /** A run folder with 3 forks of 2 iterations of one point, every score times factor. */
    private String run(String name, double factor) throws IOException {
        List<String> lines = new ArrayList<>(List.of(ResultsColumn.HEADER_LINE));
        for (int fork = 1; fork <= 3; fork++) {
            for (int iteration = 1; iteration <= 2; iteration++) {
                List<String> fields = new ArrayList<>();
                for (ResultsColumn c : ResultsColumn.values()) {
                    fields.add(switch (c) {
                        case RUN_ID -> name;
                        case HOST -> "hostA";
                        case CPUS_ONLINE, CORES, THREADS -> "2";
                        case FAMILY -> "counters";
                        case BENCHMARK -> "Counters.increment";
                        case VARIANT -> "lock";
                        case MODE -> "thrpt";
                        case FORK -> Integer.toString(fork);
                        case ITERATION -> Integer.toString(iteration);
                        case SCORE -> Double.toString((10 + 0.1 * fork + 0.01 * iteration) * factor);
                        case UNIT -> "ops/us";
                        default -> "";
                    });
                }
                lines.add(String.join(",", fields));
            }
        }
        Path run = Files.createDirectories(dir.resolve(name));
        Files.write(run.resolve("results.csv"), lines);
        return run.toString();
    }

    @Test
    void commaSeparatedRunsAreOneSideAndSpacesSeparateComparisons() throws IOException {
        String r1 = run("r1", 1);
        String r2 = run("r2", 1.01);
        String r3 = run("r3", 1);
        String r4 = run("r4", 0.99);
        String o = run("o", 0.8);
        Path out = dir.resolve("cmp");
        CliRun r = compare(r1 + "," + r2, r3 + "," + r4, o, "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(r3 + "," + r4 + " vs " + r1 + "," + r2 + " (runs):"), r.out());
        assertTrue(r.out().contains(o + " vs " + r1 + "," + r2 + " (runs):"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("compare.md")));
    }

    @Test
    void anEmptyOrMissingRunInAListIsAClearErrorWithExitTwo() throws IOException {
        String r1 = run("r1", 1);
        String r3 = run("r3", 1);
        CliRun empty = compare(r1 + ",", r3);
        assertEquals(2, empty.exit());
        assertEquals("compare: '" + r1 + ",': an empty run folder in the comma-separated list", empty.err().strip());
        Path missing = dir.resolve("nope");
        CliRun absent = compare(r1 + "," + missing, r3);
        assertEquals(2, absent.exit());
        assertEquals(missing + ": no such file or directory", absent.err().strip());
        assertFalse(Files.exists(Path.of(r1).resolve("compare.csv")), "nothing written");
    }

    @Test
    void aPlainRunAloneNeedsAnotherRun() throws IOException {
        String r1 = run("r1", 1);
        CliRun r = compare(r1);
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("compare: needs two runs, or a run with --config configurations"), r.err());
    }

    @Test
    void helpShowsBothForms() {
        CliRun r = compare("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("compare r1,r2 r3,r4"), r.out());
        assertTrue(r.out().contains("compare base o1 o2,o3"), r.out());
        assertTrue(r.out().contains("compare RUN"), r.out());
    }
}
