package corescale.stats;

import corescale.stats.io.BadInputException;
import corescale.stats.load.Loader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnalysisTest {

    /** A JMH JSON without rawData has only pooled points: their JDK is still one the report names. */
    @Test
    void theRunsSeenIncludeThoseOfPooledPoints(@TempDir Path dir) throws IOException, BadInputException {
        Path p = dir.resolve("jmh.json");
        Files.writeString(p, "[{\"benchmark\":\"org.example.A.a\",\"mode\":\"avgt\",\"threads\":1,\"forks\":2,"
                + "\"measurementIterations\":5,\"jdkVersion\":\"21.0.2\",\"params\":{},"
                + "\"primaryMetric\":{\"score\":2.5,\"scoreError\":0.5,\"scoreUnit\":\"us/op\"}}]");
        Analysis a = Analysis.of(List.of(Loader.loadFile(p)), Map.of());
        assertEquals(List.of("21.0.2"), a.infos().stream().map(i -> i.machine().jdkVersion()).toList());
    }
}
