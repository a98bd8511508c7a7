package corescale.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One analysis layer, one presentation layer: the analysis packages compute typed results and never
 * reach for the packages that word and write them (report, export), so no sentence can creep back.
 */
class LayersTest {

    private static final Path SOURCES = Path.of("src/main/java/corescale/stats");
    private static final List<String> ANALYSIS = List.of("summary", "bounds", "ranking", "scaling", "contention",
            "answers", "compare", "run", "model");

    @Test
    void analysisPackagesImportNeitherReportNorExport() throws IOException {
        List<String> offending = new ArrayList<>();
        int files = 0;
        for (String pkg : ANALYSIS) {
            try (Stream<Path> sources = Files.list(SOURCES.resolve(pkg))) {
                for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    // an import or a qualified name in code; comments may name the layer that words a note
                    boolean uses = Files.readAllLines(f).stream().map(String::strip)
                            .filter(l -> !l.startsWith("*") && !l.startsWith("/*") && !l.startsWith("//"))
                            .anyMatch(l -> l.contains("corescale.stats.report.") || l.contains("corescale.stats.export."));
                    if (uses) {
                        offending.add(SOURCES.relativize(f).toString());
                    }
                }
            }
        }
        assertTrue(files > 50, "the analysis sources were found: " + files);
        assertEquals(List.of(), offending);
    }
}
