package corescale.stats.load;

import corescale.stats.io.BadInputException;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PooledResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** JMH's -rf json as JMH 1.37 writes it: the fields each reading depends on, one object per case. */
class JmhJsonReaderTest {

    @TempDir
    Path dir;

    private LoadedInput load(String json) throws IOException, BadInputException {
        Path p = dir.resolve("jmh.json");
        Files.writeString(p, json);
        return Loader.loadFile(p);
    }

    private String refused(String json) throws IOException {
        Path p = dir.resolve("jmh.json");
        Files.writeString(p, json);
        return assertThrows(BadInputException.class, () -> Loader.loadFile(p)).getMessage();
    }

    /** One benchmark object: {@code primary} is the body of its primaryMetric. */
    private static String object(String benchmark, String mode, String extra, String primary) {
        return "{\"benchmark\":\"" + benchmark + "\",\"mode\":\"" + mode + "\",\"threads\":1,\"forks\":3,"
                + "\"measurementIterations\":5,\"params\":{}," + extra + "\"primaryMetric\":{" + primary + "}}";
    }

    /** Without rawData only JMH's score and error remain, in the canonical unit, over forks x iterations samples. */
    @Test
    void pooledObjectsKeepSamplesAndErrorInTheCanonicalUnit() throws IOException, BadInputException {
        LoadedInput in = load("[" + object("org.example.A.a", "avgt", "", "\"score\":2.5,\"scoreError\":0.5,\"scoreUnit\":\"ms/op\"")
                + "," + object("org.example.B.b", "thrpt", "", "\"score\":4000000,\"scoreError\":1000000,\"scoreUnit\":\"ops/s\"") + "]");
        List<PooledResult> pooled = in.pooled();
        assertEquals(2, pooled.size(), "two different points, neither taken for a repeat of the other");
        PooledResult a = pooled.get(0);
        assertEquals(15, a.samples(), "3 forks x 5 iterations");
        assertEquals(2500.0, a.score(), 1e-9); // 2.5 ms/op = 2500 us/op
        assertEquals(500.0, a.error999(), 1e-9); // 0.5 ms/op
        PooledResult b = pooled.get(1);
        assertEquals(4.0, b.score(), 1e-12); // 4e6 ops/s = 4 ops/us
        assertEquals(1.0, b.error999(), 1e-12);
    }

    @Test
    void jvmArgumentsAreJoinedWithSpaces() throws IOException, BadInputException {
        LoadedInput in = load("[" + object("org.example.A.a", "avgt", "\"jvmArgs\":[\"-Xmx1g\",\"-XX:ActiveProcessorCount=4\"],",
                "\"score\":1,\"scoreError\":0.1,\"scoreUnit\":\"us/op\"") + "]");
        PooledResult a = in.pooled().get(0);
        assertEquals("-Xmx1g -XX:ActiveProcessorCount=4", a.run().jvmArgs());
        assertEquals(4, a.key().cores());
    }

    @Test
    void aBadIterationIsNamedByItsForkAndIteration() throws IOException {
        String msg = refused("[" + object("org.example.A.a", "avgt", "",
                "\"score\":1,\"scoreError\":0.1,\"scoreUnit\":\"us/op\",\"rawData\":[[1.0,2.0],[3.0,-4.0]]") + "]");
        assertEquals(dir.resolve("jmh.json") + ": benchmark #1 (org.example.A.a) fork 2 iteration 2: score -4.0 is negative", msg);
    }

    /** A score that is missing or not a number is no score: JMH writes NaN as "NaN", anything else is refused. */
    @Test
    void aPooledScoreThatIsMissingOrNotANumberIsRefused() throws IOException {
        String expected = dir.resolve("jmh.json") + ": benchmark #1 (org.example.A.a): score is NaN, not a finite number";
        assertEquals(expected, refused("[" + object("org.example.A.a", "avgt", "", "\"scoreError\":0.1,\"scoreUnit\":\"us/op\"") + "]"));
        assertEquals(expected, refused("[" + object("org.example.A.a", "avgt", "",
                "\"score\":\"fast\",\"scoreError\":0.1,\"scoreUnit\":\"us/op\"") + "]"));
    }

    /** A secondary metric goes with the iterations it has values for; forks or iterations it lacks go without it. */
    @Test
    void aSecondaryMetricOfAnotherShapeGoesOnlyWithTheIterationsItHas() throws IOException, BadInputException {
        LoadedInput in = load("[" + object("org.example.A.a", "thrpt", "\"secondaryMetrics\":{"
                        + "\"oneFork\":{\"score\":5,\"scoreUnit\":\"#\",\"rawData\":[[5.0,6.0]]},"
                        + "\"oneIteration\":{\"score\":7,\"scoreUnit\":\"#\",\"rawData\":[[7.0],[8.0]]}},",
                "\"score\":2.5,\"scoreError\":0.1,\"scoreUnit\":\"ops/us\",\"rawData\":[[1.0,2.0],[3.0,4.0]]") + "]");
        List<Measurement> rows = in.measurements();
        assertEquals(4, rows.size());
        assertEquals(5.0, rows.get(0).secondary().get("oneFork"));
        assertEquals(6.0, rows.get(1).secondary().get("oneFork"));
        assertFalse(rows.get(2).secondary().containsKey("oneFork"), "fork 2 has no value of it");
        assertEquals(7.0, rows.get(0).secondary().get("oneIteration"));
        assertFalse(rows.get(1).secondary().containsKey("oneIteration"), "iteration 2 has no value of it");
        assertEquals(8.0, rows.get(2).secondary().get("oneIteration"));
    }

    /**
     * Sample mode writes each iteration as a histogram of [time, count] pairs (rawDataHistogram: fork,
     * iteration, pair); the iteration's score is their mean, weighted by count.
     */
    @Test
    void aSampleModeIterationIsTheMeanOfItsHistogram() throws IOException, BadInputException {
        LoadedInput in = load("[" + object("org.example.A.a", "sample", "", "\"score\":2,\"scoreError\":0.1,\"scoreUnit\":\"ms/op\","
                + "\"rawDataHistogram\":[[[[1.0,3],[2.0,1]],[[4.0,2]]],[[[0.5,1],[1.5,1]]]]") + "]");
        List<Measurement> rows = in.measurements();
        assertEquals(3, rows.size());
        assertEquals(Mode.SAMPLE_TIME, rows.get(0).mode());
        // fork 1: (1 x 3 + 2 x 1) / 4 = 1.25 ms and 4 ms; fork 2: (0.5 + 1.5) / 2 = 1 ms; in us/op
        assertEquals(List.of(1, 1, 2), rows.stream().map(Measurement::fork).toList());
        assertEquals(List.of(1, 2, 1), rows.stream().map(Measurement::iteration).toList());
        assertEquals(1250.0, rows.get(0).score(), 1e-9);
        assertEquals(4000.0, rows.get(1).score(), 1e-9);
        assertEquals(1000.0, rows.get(2).score(), 1e-9);
    }

    @Test
    void anEmptyHistogramIsRefused() throws IOException {
        String msg = refused("[" + object("org.example.A.a", "sample", "", "\"score\":2,\"scoreError\":0.1,\"scoreUnit\":\"ms/op\","
                + "\"rawDataHistogram\":[[[[1.0,3]]],[[]]]") + "]");
        assertEquals(dir.resolve("jmh.json") + ": benchmark #1 (org.example.A.a): empty histogram in fork 2", msg);
    }
}
