package corescale.stats.report;

import corescale.stats.StatsTool;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@code compare} writes, to the byte, for the committed reference run against a copy of it in
 * which some variants were made slower or faster: {@code synchronized} throughput ×0.5, {@code longAdder}
 * ×2, and a platform thread's start-and-join time (avgt) ×1.1, every other measurement as it was. (Changes
 * of ×0.8 and ×1.25 are called at 9 of those 16 points: one run a side, the canary's drift within the
 * reference, ±1.7% a point, is in every interval, the false-discovery control runs over 106 points, and
 * the contended points' forks disagree by up to 2×.)
 * The expected compare.md and compare.csv are in {@code src/test/resources/golden/}; a change to what
 * compare says fails here until they are written again with
 * {@code mvn -pl stats test -Dtest=ReferenceCompareTest -Dgolden.write=true} and committed with the change.
 */
class ReferenceCompareTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final String OTHER_RUN = "vm-20261206-120000";
    /** Factor on each changed variant's scores. */
    private static final Map<String, Double> CHANGED = Map.of("synchronized", 0.5, "longAdder", 2.0, "platformThread", 1.1);

    @TempDir
    Path dir;

    @Test
    void theReferenceAgainstAChangedCopyComparesAsCommitted() throws IOException {
        Path base = Fixtures.referenceInputs(dir, Fixtures.REFERENCE.getFileName().toString());
        Path other = Files.createDirectories(dir.resolve("changed"));
        String runId = runId(base);
        Files.writeString(other.resolve("run.json"), Files.readString(base.resolve("run.json")).replace(runId, OTHER_RUN));
        Files.writeString(other.resolve("points.csv"), Files.readString(base.resolve("points.csv")).replace(runId, OTHER_RUN));
        writeChanged(base.resolve("results.csv"), other.resolve("results.csv"));

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertEquals(StatsTool.OK, new StatsTool().compare(List.of(base, other), null, 0.05, false, out, out), console::toString);
        for (String f : List.of("compare.md", "compare.csv")) {
            List<String> written = Files.readAllLines(other.resolve(f)).stream()
                    .map(l -> l.replace(dir.toString(), "results")).toList();
            if (Boolean.getBoolean("golden.write")) {
                Files.write(GOLDEN.resolve(f), written);
            }
            Fixtures.assertSameLines(Files.readAllLines(GOLDEN.resolve(f)), written, "src/test/resources/golden/" + f,
                    "write it again (mvn -pl stats test -Dtest=ReferenceCompareTest -Dgolden.write=true) and commit it with the change");
        }
    }

    private static String runId(Path run) throws IOException {
        try (Reader in = Files.newBufferedReader(run.resolve("results.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).iterator().next().get("run_id");
        }
    }

    /** The reference's results.csv with the other run's id and each changed variant's scores multiplied. */
    private static void writeChanged(Path from, Path to) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(from); Writer w = Files.newBufferedWriter(to)) {
            var records = format.parse(in);
            List<String> header = records.getHeaderNames();
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build().print(w);
            for (CSVRecord r : records) {
                List<String> row = new ArrayList<>(r.toList());
                row.set(header.indexOf("run_id"), OTHER_RUN);
                Double factor = CHANGED.get(r.get("variant"));
                if (factor != null) {
                    row.set(header.indexOf("score"), Double.toString(Double.parseDouble(r.get("score")) * factor));
                }
                printer.printRecord(row);
            }
        }
    }
}
