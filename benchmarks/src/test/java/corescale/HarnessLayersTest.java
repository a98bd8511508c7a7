package corescale;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmarks and the harness share one module (docs/design.md, "Layout"), so this keeps them
 * apart: the benchmark packages use only {@code results} (the CPUs of an affinity), never the
 * sweep, the command line, the topology, the launcher or the statistics that drive and read them.
 */
class HarnessLayersTest {

    /** Both source roots: the code compiled for Java 22 is a benchmark's too. */
    private static final List<Path> BENCHMARKS = List.of(Path.of("src/main/java/corescale/benchmarks"),
            Path.of("src/main/java22/corescale/benchmarks"));
    private static final List<String> HARNESS = List.of("corescale.sweep.", "corescale.cli.", "corescale.topology.",
            "corescale.launcher.", "corescale.stats.");

    @Test
    void benchmarkPackagesUseNothingOfTheHarness() throws IOException {
        List<String> offending = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (Path root : BENCHMARKS) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        for (Path f : sources) {
            for (String line : Files.readAllLines(f)) {
                String code = line.strip();
                if (!code.startsWith("*") && !code.startsWith("/*") && !code.startsWith("//")
                        && HARNESS.stream().anyMatch(code::contains)) {
                    offending.add(f + ": " + code);
                }
            }
        }
        assertTrue(sources.size() > 40, "the benchmark sources were found: " + sources.size());
        assertEquals(List.of(), offending);
    }
}
