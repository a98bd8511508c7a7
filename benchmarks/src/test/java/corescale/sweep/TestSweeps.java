package corescale.sweep;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import corescale.results.MachineInfo;

/** Short profiles and fork runners for tests: enough to see behaviour, never to judge speed. */
public final class TestSweeps {

    private TestSweeps() {
    }

    /** One warm-up and two measured iterations of {@code iterationMs}, one fork. */
    public static Profile tiny(int iterationMs) {
        return Profile.quick().with(1, Duration.ofMillis(iterationMs), 2, Duration.ofMillis(iterationMs)).withForks(1);
    }

    public static JmhForks forks(Profile profile, Path runDir, Duration hangLimit) {
        return new JmhForks(profile, CoresRestriction.detect(), runDir,
                new PrintStream(new ByteArrayOutputStream()), "test-run", MachineInfo.current(), hangLimit);
    }

    public static Point point(String benchmark, int cores, int threads, Map<String, String> params) {
        return new Point(benchmark, new TreeMap<>(params), cores, threads);
    }
}
