package corescale.stats.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corescale.stats.load.Loader;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.Summarizer;
import corescale.stats.summary.SummaryRow;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jmh-result.json from a run's results.csv: JMH's shape, the report's means, intervals over fork means. */
class JmhResultJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void onePointPerEntryWithTheSummaryMeanAnd999IntervalOverForkMeans() throws Exception {
        Path run = ExportFixtures.run(dir, ExportFixtures.lines("", 1));
        assertEquals(List.of(run.resolve("jmh-result.json"), run.resolve("bencher.json")),
                RunExports.write(run, List.of(), ExportFixtures.CONTEXT));

        JsonNode root = JSON.readTree(run.resolve("jmh-result.json").toFile());
        assertTrue(root.isArray());
        assertEquals(3, root.size(), root.toPrettyString());
        Map<String, PointSummary> summaries = new TreeMap<>();
        for (SummaryRow r : new Summarizer().summarize(Loader.load(run))) {
            summaries.put(r.summary().key().variant() + " " + r.summary().key().cores() + "c " + r.summary().key().threads() + "t",
                    r.summary());
        }
        Map<String, double[][]> written = Map.of("lock 2c 2t", ExportFixtures.LOCK_2C_2T, "lock 2c 4t", ExportFixtures.LOCK_2C_4T,
                "adder 1c 1t", ExportFixtures.ADDER_1C_1T);
        for (JsonNode e : root) {
            JsonNode params = e.get("params");
            String point = params.get("variant").asText() + " " + params.get("cores").asText() + "c " + params.get("threads").asText() + "t";
            PointSummary s = summaries.get(point);
            assertEquals("corescale.benchmarks.counters.Counters.increment", e.get("benchmark").asText());
            assertEquals("thrpt", e.get("mode").asText());
            assertEquals(s.key().threads(), e.get("threads").asInt());
            assertEquals(3, e.get("forks").asInt());
            assertEquals("/jdk/bin/java", e.get("jvm").asText());
            assertEquals(List.of("-XX:ActiveProcessorCount=" + s.key().cores(), "-Dcorescale.quiet=true"),
                    JSON.convertValue(e.get("jvmArgs"), List.class));
            assertEquals("OpenJDK 64-Bit Server VM", e.get("vmName").asText());
            assertEquals(List.of("cores", "threads", "variant", "work"), sorted(params.fieldNames()));
            assertEquals("0", params.get("work").asText());

            JsonNode primary = e.get("primaryMetric");
            assertEquals(9, s.samples(), point + ": no warm-up dropped, so the fork means below are the summary's");
            assertEquals(s.mean(), primary.get("score").asDouble(), 0, point + ": the mean summary.csv has");
            // JMH's level over the 3 fork means, computed here from the fixture's own numbers.
            double[] forkMeans = Arrays.stream(written.get(point)).mapToDouble(StatUtils::mean).toArray();
            double half = new TDistribution(2).inverseCumulativeProbability(0.9995)
                    * Math.sqrt(StatUtils.variance(forkMeans) / 3);
            assertEquals(half, primary.get("scoreError").asDouble(), 1e-12, point);
            assertEquals(s.mean() - half, primary.get("scoreConfidence").get(0).asDouble(), 1e-12, point);
            assertEquals(s.mean() + half, primary.get("scoreConfidence").get(1).asDouble(), 1e-12, point);
            assertEquals("ops/us", primary.get("scoreUnit").asText());
            assertArrayEquals(written.get(point), JSON.convertValue(primary.get("rawData"), double[][].class), point);
            assertEquals(Arrays.stream(written.get(point)).flatMapToDouble(Arrays::stream).max().orElseThrow(),
                    primary.get("scorePercentiles").get("100.0").asDouble(), 0, point);
        }
    }

    /** A file of the set that cannot be written (a folder at bencher.json's name) leaves jmh-result.json as it was. */
    @Test
    void theFilesAreWrittenAllOrNone() throws Exception {
        Path run = ExportFixtures.run(dir, ExportFixtures.lines("", 1));
        Files.writeString(run.resolve("jmh-result.json"), "earlier");
        Files.createDirectory(run.resolve("bencher.json"));

        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> RunExports.write(run, List.of(), ExportFixtures.CONTEXT));

        assertEquals(run.resolve("bencher.json") + ": cannot write: " + run.resolve("bencher.json") + " is a folder", e.getMessage());
        assertEquals("earlier", Files.readString(run.resolve("jmh-result.json")));
    }

    @Test
    void secondaryMetricsAreTheBenchmarksOwnAndTheProfilersWithTheirForksValues() throws Exception {
        Path run = ExportFixtures.run(dir, ExportFixtures.lines("", 1));
        RunExports.write(run, List.of(), ExportFixtures.CONTEXT);
        JsonNode entries = JSON.readTree(run.resolve("jmh-result.json").toFile());
        int locks = 0;
        for (JsonNode e : entries) {
            JsonNode secondary = e.get("secondaryMetrics");
            boolean lock = e.get("params").get("variant").asText().equals("lock");
            assertEquals(lock ? List.of("gc.alloc.rate.norm", "lost_updates") : List.of("lost_updates"), sorted(secondary.fieldNames()));
            assertEquals(0, secondary.get("lost_updates").get("score").asDouble(), 0);
            if (lock) {
                locks++;
                JsonNode alloc = secondary.get("gc.alloc.rate.norm");
                // 24, 25 and 26 bytes per op in forks 1-3: their mean, and each fork's iterations as measured.
                assertEquals(25, alloc.get("score").asDouble(), 1e-12);
                assertArrayEquals(new double[][] {{24, 24, 24}, {25, 25, 25}, {26, 26, 26}},
                        JSON.convertValue(alloc.get("rawData"), double[][].class));
            }
        }
        assertEquals(3, entries.size(), "three points");
        assertEquals(2, locks, "two of them the lock's, with the profiler's metric");
    }

    @Test
    void oneForkHasNoIntervalOverForksAndSaysNaNAsJmhDoes() throws Exception {
        Path run = ExportFixtures.run(dir, ExportFixtures.lines("", 1).subList(0, 3));
        RunExports.write(run, List.of(), ExportFixtures.CONTEXT);
        String text = Files.readString(run.resolve("jmh-result.json"));
        JsonNode primary = JSON.readTree(text).get(0).get("primaryMetric");
        assertEquals(1, JSON.readTree(text).get(0).get("forks").asInt());
        assertEquals("NaN", primary.get("scoreError").asText());
        assertEquals(10.2, primary.get("score").asDouble(), 1e-12, "the one fork's mean");
    }

    @Test
    void aRunOfConfigurationsGetsOneFileEachWithTheConfigurationInParams() throws Exception {
        List<String> lines = new ArrayList<>(ExportFixtures.lines("base", 1));
        lines.addAll(ExportFixtures.lines("c1", 2));
        Path run = ExportFixtures.run(dir, lines);
        List<Path> files = RunExports.write(run, List.of("base", "c1"), ExportFixtures.CONTEXT);
        assertEquals(List.of(run.resolve("jmh-result-base.json"), run.resolve("bencher-base.json"),
                run.resolve("jmh-result-c1.json"), run.resolve("bencher-c1.json")), files);
        assertFalse(Files.exists(run.resolve("jmh-result.json")));
        for (String config : List.of("base", "c1")) {
            JsonNode root = JSON.readTree(run.resolve("jmh-result-" + config + ".json").toFile());
            assertEquals(3, root.size());
            for (JsonNode e : root) {
                assertEquals(config, e.get("params").get("config").asText());
            }
        }
        double base = JSON.readTree(run.resolve("jmh-result-base.json").toFile()).get(0).get("primaryMetric").get("score").asDouble();
        double c1 = JSON.readTree(run.resolve("jmh-result-c1.json").toFile()).get(0).get("primaryMetric").get("score").asDouble();
        assertEquals(2 * base, c1, 1e-9, "each file holds its own configuration's forks only");
    }

    /** JMH's measurementIterations is one number a benchmark: here the most iterations a fork of the point measured. */
    @Test
    void measurementIterationsAreTheMostAForkMeasured() throws Exception {
        List<String> lines = new ArrayList<>();
        // forks of 4, 2 and 3 iterations (flat, so none is taken for warm-up): 4
        ExportFixtures.add(lines, "", "lock", 2, 2, new double[][] {{10, 10, 10, 10}, {9, 9}, {11, 11, 11}}, 1, false);
        Path run = ExportFixtures.run(dir, lines);
        RunExports.write(run, List.of(), ExportFixtures.CONTEXT);
        JsonNode entry = JSON.readTree(run.resolve("jmh-result.json").toFile()).get(0);
        assertEquals(4, entry.get("measurementIterations").asInt(), entry.toPrettyString());
    }

    private static List<String> sorted(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        out.sort(null);
        return out;
    }
}
