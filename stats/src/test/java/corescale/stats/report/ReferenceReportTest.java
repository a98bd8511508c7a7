package corescale.stats.report;

import corescale.stats.StatsTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed reference run's report, which README quotes and links, is what today's code writes
 * from that run's inputs, to the byte: a change to what the report says fails here until the reference
 * is written again ({@code java -jar benchmarks.jar report results/reference-2vcpu-xeon-jdk25}) and
 * its change committed with the code's. Text files only: the charts' pixels depend on the fonts installed.
 */
class ReferenceReportTest {

    @TempDir
    Path dir;

    @Test
    void theCommittedReferenceReportIsWhatTheCodeWrites() throws IOException {
        Path run = Fixtures.referenceInputs(dir, Fixtures.REFERENCE.getFileName().toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertEquals(StatsTool.OK, new StatsTool().report(List.of(run), null, out, out), console::toString);
        for (String f : List.of("report.md", "summary.csv", "scaling.csv", "contention.csv")) {
            // The inputs section names the folder as it was given: the reference's was given from the repository's root.
            List<String> written = Files.readAllLines(run.resolve(f)).stream()
                    .map(l -> l.replace(run.toString(), "results/" + run.getFileName())).toList();
            Fixtures.assertSameLines(Files.readAllLines(Fixtures.REFERENCE.resolve(f)), written, f,
                    "write the reference's report again (java -jar benchmarks.jar report results/reference-2vcpu-xeon-jdk25)"
                            + " and commit it with the change");
        }
    }
}
