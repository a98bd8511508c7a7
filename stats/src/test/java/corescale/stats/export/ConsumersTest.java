package corescale.stats.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corescale.stats.Synthetic;
import corescale.stats.load.Loader;
import corescale.stats.model.PointSummary;
import corescale.stats.model.ResultsColumn;
import corescale.stats.summary.Summarizer;
import corescale.stats.summary.SummaryRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run's files read as the tools that publish them read them: github-action-benchmark and JMH
 * Visualizer read jmh-result.json, Bencher reads bencher.json. Every point must come out as a
 * benchmark of its own, with the report's numbers.
 */
class ConsumersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path run;
    private List<PointSummary> points;

    /**
     * The fixture's points (two differ only in threads), plus the lock's 2-core 2-thread point measured
     * again in another mode (avgt): two points that differ only in mode.
     */
    @BeforeEach
    void run() throws Exception {
        List<String> lines = new ArrayList<>(ExportFixtures.lines("", 1));
        for (int f = 1; f <= 3; f++) {
            for (int i = 1; i <= 2; i++) {
                Map<ResultsColumn, Object> v = new EnumMap<>(ResultsColumn.class);
                v.put(ResultsColumn.VARIANT, "lock");
                v.put(ResultsColumn.CORES, 2);
                v.put(ResultsColumn.THREADS, 2);
                v.put(ResultsColumn.MODE, "avgt");
                v.put(ResultsColumn.UNIT, "us/op");
                v.put(ResultsColumn.FORK, f);
                v.put(ResultsColumn.ITERATION, i);
                v.put(ResultsColumn.SCORE, 0.2 + 0.01 * f - 0.005 * i);
                lines.add(Synthetic.line(v, "", 0));
            }
        }
        run = ExportFixtures.run(dir, lines);
        RunExports.write(run, List.of(), ExportFixtures.CONTEXT);
        points = new Summarizer().summarize(Loader.load(run)).stream().map(SummaryRow::summary).toList();
        assertEquals(4, points.size());
    }

    /**
     * github-action-benchmark's JMH extractor names an entry {@code benchmark + ' ( ' + JSON.stringify(params) + ' )'}
     * and keeps threads only in a text beside it: each point must still have a name of its own, with its cores.
     */
    @Test
    void githubActionBenchmarkGivesEveryPointANameOfItsOwnWithItsCores() throws Exception {
        Set<String> names = new HashSet<>();
        for (JsonNode e : JSON.readTree(run.resolve("jmh-result.json").toFile())) {
            // JSON.stringify of an object of strings: compact, in the file's key order, as Jackson writes it.
            String name = e.get("benchmark").asText() + " ( " + JSON.writeValueAsString(e.get("params")) + " )";
            assertTrue(names.add(name), "two points named " + name);
            assertTrue(name.contains("\"cores\":\"" + e.get("params").get("cores").asText() + "\""), name);
            assertTrue(e.get("primaryMetric").get("score").isNumber(), name);
            assertFalse(e.get("primaryMetric").get("scoreUnit").asText().isEmpty(), name);
        }
        assertEquals(points.size(), names.size());
        assertTrue(names.contains("corescale.benchmarks.counters.Counters.increment ( "
                + "{\"variant\":\"lock\",\"work\":\"0\",\"cores\":\"2\",\"threads\":\"2\",\"mode\":\"avgt\"} )"), names.toString());
    }

    /**
     * JMH Visualizer groups entries by benchmark class and method, tells them apart by mode and params,
     * and charts each metric's score with its error and unit.
     */
    @Test
    void jmhVisualizerFindsEachPointOnceWithItsMetrics() throws Exception {
        Set<List<String>> seen = new HashSet<>();
        for (JsonNode e : JSON.readTree(run.resolve("jmh-result.json").toFile())) {
            String benchmark = e.get("benchmark").asText();
            assertTrue(benchmark.matches("[\\w.]+\\.[A-Z]\\w*\\.\\w+"), benchmark + ": package, class and method");
            assertTrue(seen.add(List.of(benchmark, e.get("mode").asText(), e.get("params").toString())), e.toString());
            List<JsonNode> metrics = new ArrayList<>(List.of(e.get("primaryMetric")));
            e.get("secondaryMetrics").forEach(metrics::add);
            for (JsonNode m : metrics) {
                assertTrue(m.get("score").isNumber(), m.toString());
                assertTrue(m.get("scoreError").isNumber() || m.get("scoreError").asText().equals("NaN"), m.toString());
                assertEquals(2, m.get("scoreConfidence").size(), m.toString());
                assertTrue(m.has("scoreUnit"), m.toString());
            }
        }
        assertEquals(points.size(), seen.size());
    }

    /**
     * Bencher Metric Format: {@code {"<name>": {"<measure>": {"value", "lower_value", "upper_value"}}}},
     * one name per point, the score in Bencher's own units with the report's 95% interval.
     */
    @Test
    void bencherGetsOneBenchmarkPerPointWithTheReportsInterval() throws Exception {
        JsonNode root = JSON.readTree(run.resolve("bencher.json").toFile());
        assertEquals(points.size(), root.size());
        for (PointSummary s : points) {
            JsonNode measures = root.get(s.key().label());
            assertTrue(measures != null && measures.isObject(), s.key().label() + " in " + root);
            boolean throughput = s.mode().higherIsBetter();
            JsonNode score = measures.get(throughput ? "throughput" : "latency");
            double scale = throughput ? 1e6 : 1e3; // ops/us → ops/s, us/op → ns/op
            assertEquals(s.mean() * scale, score.get("value").asDouble(), 1e-9 * s.mean() * scale);
            assertEquals(s.ciLow() * scale, score.get("lower_value").asDouble(), 1e-9 * s.mean() * scale);
            assertEquals(s.ciHigh() * scale, score.get("upper_value").asDouble(), 1e-9 * s.mean() * scale);
            assertTrue(score.get("lower_value").asDouble() < score.get("value").asDouble()
                    && score.get("value").asDouble() < score.get("upper_value").asDouble(), score.toString());
            measures.fields().forEachRemaining(m -> assertTrue(m.getValue().get("value").isNumber(), m.toString()));
        }
        assertEquals(0, root.get(points.get(0).key().label()).get("lost_updates").get("value").asDouble(), 0,
                "a secondary metric is a measure of its own");
    }
}
