package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import corescale.stats.model.Mode;

import corescale.results.MachineInfo;
import corescale.topology.CpuLimits;
import corescale.topology.FsRoot;
import corescale.topology.Placement;
import corescale.topology.Topology;

/** Short profiles and fork runners for tests: enough to see behaviour, never to judge speed. */
public final class TestSweeps {

    private TestSweeps() {
    }

    /** One warm-up and two measured iterations of {@code iterationMs}, one fork. */
    public static Profile tiny(int iterationMs) {
        return Profile.quick().with(ForkWarmup.exactly(1, Duration.ofMillis(iterationMs)), 2, Duration.ofMillis(iterationMs)).withForks(1);
    }

    /**
     * A fork known only by its iteration scores, each measured in {@code secondsEach}: no rows, no CPUs,
     * no load (what the precision loop's and the fork costs' tests feed them).
     */
    public static ForkResult fork(double secondsEach, double... scores) {
        return new ForkResult(List.of(), scores, secondsEach * scores.length, List.of(), ForkResult.Load.NONE);
    }

    /**
     * Forks placed as {@code run} places them by default (compact) on the machine
     * {@code CORESCALE_FSROOT} presents, pinned with taskset where there is one.
     */
    public static CoresRestriction cores() {
        FsRoot fs = FsRoot.fromEnvironment();
        Topology topology = Topology.read(fs);
        return CoresRestriction.detect(Placement.of(topology, CpuLimits.read(fs, topology), Placement.COMPACT));
    }

    public static JmhForks forks(Profile profile, Path runDir, Duration hangLimit) {
        return new JmhForks(profile, cores(), runDir,
                new PrintStream(new ByteArrayOutputStream()), "test-run", MachineInfo.current(), hangLimit, true);
    }

    /**
     * The command that runs benchmarks.jar as a user does, with {@code args}; the jar is the one
     * failsafe names in {@code corescale.jar}.
     */
    public static List<String> jarCommand(String... args) {
        String jar = System.getProperty("corescale.jar");
        assertNotNull(jar, "the corescale.jar property names the shaded jar: run this test through mvn verify");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djmh.ignoreLock=true", "-jar", jar));
        command.addAll(List.of(args));
        return command;
    }

    /** A point of a real benchmark, in the mode JMH lists it in. */
    public static Point point(String benchmark, int cores, int threads, Map<String, String> params) {
        var silent = org.openjdk.jmh.runner.format.OutputFormatFactory.createFormatInstance(
                new PrintStream(java.io.OutputStream.nullOutputStream()), org.openjdk.jmh.runner.options.VerboseMode.SILENT);
        Mode mode = org.openjdk.jmh.runner.BenchmarkList.defaultList().getAll(silent, List.of()).stream()
                .filter(e -> e.getUsername().equals(benchmark)).findFirst()
                .map(e -> Mode.parse(e.getMode().shortLabel())).orElseThrow(() -> new AssertionError("no benchmark " + benchmark));
        return new Point(benchmark, new TreeMap<>(params), cores, threads, mode);
    }
}
