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
 * is written again ({@code java -jar benchmarks.jar report results/reference-2vcpu-epyc-jdk25}) and
 * its change committed with the code's. Text files only: the charts' pixels depend on the fonts installed.
 */
class ReferenceReportTest {

    @TempDir
    Path dir;

    @Test
    void theCommittedReferenceReportIsWhatTheCodeWrites() throws IOException {
        Path run = Files.createDirectories(dir.resolve(ReportInBrowserIT.REFERENCE.getFileName()));
        for (String f : List.of("results.csv", "run.json", "points.csv")) {
            Files.copy(ReportInBrowserIT.REFERENCE.resolve(f), run.resolve(f));
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertEquals(StatsTool.OK, new StatsTool().report(List.of(run), null, out, out), console::toString);
        for (String f : List.of("report.md", "summary.csv", "scaling.csv", "contention.csv")) {
            List<String> committed = Files.readAllLines(ReportInBrowserIT.REFERENCE.resolve(f));
            // The inputs section names the folder as it was given: the reference's was given from the repository's root.
            List<String> written = Files.readAllLines(run.resolve(f)).stream()
                    .map(l -> l.replace(run.toString(), "results/" + run.getFileName())).toList();
            for (int i = 0; i < Math.min(committed.size(), written.size()); i++) {
                assertEquals(committed.get(i), written.get(i), f + " line " + (i + 1)
                        + " differs from the committed reference's: write it again (java -jar benchmarks.jar report "
                        + "results/reference-2vcpu-epyc-jdk25) and commit it with the change");
            }
            assertEquals(committed.size(), written.size(), f + ": lines");
        }
    }
}
