package corescale.stats.report;

import corescale.stats.StatsTool;
import corescale.stats.model.ResultsColumn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code compare} writes, to the byte, for the committed reference run against a copy of it in
 * which some variants were made slower or faster: {@code synchronized} throughput ×0.5, {@code longAdder}
 * ×2, and a platform thread's start-and-join time (avgt) ×1.1, every other measurement as it was. (The
 * changes are called at 15 of those 20 points, 14 of the 16 ×0.5 and ×2 ones: one run a side, the canary's drift within the
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
                continue;
            }
            Fixtures.assertSameLines(Files.readAllLines(GOLDEN.resolve(f)), written, "src/test/resources/golden/" + f,
                    "write it again (mvn -pl stats test -Dtest=ReferenceCompareTest -Dgolden.write=true) and commit it with the change");
        }
        Assumptions.assumeFalse(Boolean.getBoolean("golden.write"), "golden files written, not compared: run again without -Dgolden.write");
    }

    /**
     * What the golden files must say whatever they were written from: each point's ratio is its
     * variant's factor exactly (every score was multiplied by it), and no verdict goes the wrong way:
     * an unchanged variant never faster or slower, a changed one never the other way nor "same".
     */
    @Test
    void theGoldenComparisonCallsNoChangeTheWrongWay() throws IOException {
        List<CSVRecord> points;
        try (Reader in = Files.newBufferedReader(GOLDEN.resolve("compare.csv"))) {
            points = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords()
                    .stream().filter(r -> r.get("kind").equals("point")).toList();
        }
        assertEquals(106, points.size(), "the reference's points");
        int called = 0;
        for (CSVRecord p : points) {
            double factor = CHANGED.getOrDefault(p.get("variant"), 1.0);
            // a time per operation multiplied by f is a throughput divided by it; ratios are other/base in throughput
            double expected = p.get("mode").equals("avgt") ? 1 / factor : factor;
            String verdict = p.get("verdict");
            assertEquals(expected, Double.parseDouble(p.get("ratio")), 1e-5 * expected, p.toString());
            if (expected == 1) {
                assertTrue(List.of("same", "inconclusive", "insufficient").contains(verdict), p.toString());
            } else {
                assertTrue(List.of(expected > 1 ? "faster" : "slower", "inconclusive", "insufficient").contains(verdict), p.toString());
                called += verdict.equals("inconclusive") || verdict.equals("insufficient") ? 0 : 1;
            }
        }
        assertEquals(15, called, "changes called, as the class comment says");
    }

    private static String runId(Path run) throws IOException {
        try (Reader in = Files.newBufferedReader(run.resolve("results.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).iterator().next().get(ResultsColumn.RUN_ID.header);
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
                row.set(header.indexOf(ResultsColumn.RUN_ID.header), OTHER_RUN);
                Double factor = CHANGED.get(r.get("variant"));
                if (factor != null) {
                    row.set(header.indexOf("score"), Double.toString(Double.parseDouble(r.get("score")) * factor));
                }
                printer.printRecord(row);
            }
        }
    }
}
