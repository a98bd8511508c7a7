package corescale.stats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed reference's bencher.json is what the code writes from the reference's results.csv,
 * run.json and points.csv: its intervals are the report's, mean ± target for the point the sweep
 * stopped at its target. Rewrite it with {@code java -jar benchmarks.jar run --resume} on a copy.
 */
class ReferenceBencherTest {

    static final Path REFERENCE = Path.of("..", "results", "reference-2vcpu-xeon-jdk25");

    @TempDir
    Path dir;

    @Test
    void theCommittedBencherJsonIsWhatTheCodeWrites() throws Exception {
        for (String f : List.of("results.csv", "run.json", "points.csv")) {
            Files.copy(REFERENCE.resolve(f), dir.resolve(f));
        }
        RunExports.write(dir, List.of(), ExportFixtures.CONTEXT);
        assertEquals(Files.readString(REFERENCE.resolve("bencher.json")), Files.readString(dir.resolve("bencher.json")));
    }
}
