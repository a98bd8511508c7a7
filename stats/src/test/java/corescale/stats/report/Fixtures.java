package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corescale.stats.answers.Answers;
import corescale.stats.contention.ThreadsVsProcesses;
import corescale.stats.ranking.Rankings;
import corescale.stats.bounds.Bounds;
import corescale.stats.contention.Contention;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.scaling.UslModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A small synthetic run: counters (4 variants, cores 1..8 and oversubscribed) and cpu in avgt. */
final class Fixtures {

    /** The report page of {@code in} with its findings, as {@code report} builds it. */
    static Doc build(ReportInput in, List<ChartFile> charts) {
        return RunReport.build(in, Findings.of(in), charts);
    }


    /** The committed reference run, which README quotes, from the stats module's folder (where Maven runs its tests). */
    static final Path REFERENCE = Path.of("..", "results", "reference-2vcpu-xeon-jdk25");

    /** A run folder {@code dir/name} with the reference run's inputs only: what {@code report} reads. */
    static Path referenceInputs(Path dir, String name) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        for (String f : List.of("results.csv", "run.json", "points.csv")) {
            Files.copy(REFERENCE.resolve(f), run.resolve(f));
        }
        return run;
    }

    /** {@code written} line by line as {@code expected}, the first line that differs named with what to do about it. */
    static void assertSameLines(List<String> expected, List<String> written, String file, String remedy) {
        for (int i = 0; i < Math.min(expected.size(), written.size()); i++) {
            assertEquals(expected.get(i), written.get(i), file + " line " + (i + 1) + " differs: " + remedy);
        }
        assertEquals(expected.size(), written.size(), file + ": lines");
    }

    /** A parameter value that must never reach HTML or Markdown unescaped. */
    static final String EVIL = "<script>alert(\"x\")</script>";
    static final String EVIL_PARAMS = "tag=" + EVIL + ";note=a|b 'c'";

    private Fixtures() {
    }

    static Map<String, String> machine(String host) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("host", host);
        m.put("os", "Linux 6.1");
        m.put("arch", "amd64");
        m.put("cpuModel", "Example CPU <8 cores> & \"quotes\"");
        m.put("cpusOnline", "8");
        m.put("jdkVendor", "Eclipse Adoptium");
        m.put("jdkVersion", "21.0.5");
        return m;
    }

    static Map<String, String> facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("profile", "quick");
        m.put("launch", "taskset + -XX:ActiveProcessorCount");
        m.put("affinity", "taskset");
        m.put("commonPoolParallelism", "cores - 1");
        return m;
    }

    /** Points of one run; {@code speed} scales every throughput (another machine). */
    static List<PointSummary> run(double speed, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PointSummary> out = new ArrayList<>();
        Map<String, UslModel> counters = new LinkedHashMap<>();
        counters.put("synchronized", new UslModel(0.9, 0.02, 60));
        counters.put("reentrantLock", new UslModel(0.7, 0.01, 50));
        counters.put("atomicLong", new UslModel(0.5, 0.005, 120));
        counters.put("longAdder", new UslModel(0.02, 0.0005, 100));
        for (String params : List.of("work=10", EVIL_PARAMS)) {
            counters.forEach((variant, m) -> {
                for (int cores : new int[] {1, 2, 4, 8}) {
                    for (int threads : new int[] {cores, 2 * cores}) {
                        double x = m.throughput(threads) * speed * (threads > cores ? 0.9 : 1);
                        boolean unstable = variant.equals("synchronized") && cores == 4 && threads == 4;
                        out.add(point(new PointKey("counters", "Counters.increment", variant, params, cores, threads, Mode.THROUGHPUT),
                                Mode.THROUGHPUT, "ops/us", x, unstable ? 0.2 : 0.03, unstable, rnd));
                    }
                }
            });
        }
        Map<String, UslModel> cpu = new LinkedHashMap<>();
        cpu.put("fixedPool", new UslModel(0.01, 0, 2));
        cpu.put("virtual", new UslModel(0.03, 0.001, 1.9));
        cpu.forEach((variant, m) -> {
            for (int cores : new int[] {1, 2, 4, 8}) {
                double x = m.throughput(cores) * speed;
                // avgt: us per op per thread = threads / throughput
                out.add(point(new PointKey("cpu", "Cpu.batch", variant, "tasks=64", cores, cores, Mode.THROUGHPUT),
                        Mode.AVERAGE_TIME, "us/op", cores / x, 0.02, false, rnd));
            }
        });
        // spawn: costs spanning three orders of magnitude, so its charts need a log axis.
        Map<String, Double> spawnMicros = new LinkedHashMap<>();
        spawnMicros.put("virtualThread", 1.5);
        spawnMicros.put("platformThread", 60.0);
        spawnMicros.put("process", 1500.0);
        spawnMicros.forEach((variant, us) -> {
            for (int cores : new int[] {1, 2, 4, 8}) {
                out.add(point(new PointKey("spawn", "Spawn.startJoin", variant, "", cores, cores, Mode.THROUGHPUT),
                        Mode.AVERAGE_TIME, "us/op", us * (1 + 0.1 * Math.log(cores)) / speed, 0.05, false, rnd));
            }
        });
        return out;
    }

    static PointSummary point(PointKey key, Mode mode, String unit, double mean, double rel, boolean unstable,
                              SplittableRandom rnd) {
        double m = mean * (1 + (rnd.nextDouble() - 0.5) * rel);
        double[] forks = {m * (1 - rel), m, m * (1 + rel)};
        return new PointSummary(key.withMode(mode), unit, 3, 15, m, m * (1 - rel), m * (1 + rel),
                rel, unstable, forks, List.of());
    }

    static ReportInput input(String host, double speed, long seed) {
        return Fixtures.input(host + "-20250101-120000", machine(host), facts(), run(speed, seed));
    }

    /** An input whose scaling curves and contention rows are computed from the points. */
    static ReportInput input(String runLabel, Map<String, String> machine, Map<String, String> facts,
                             List<PointSummary> points) {
        Rankings rankings = Rankings.of(points, List.of(), Bounds.NONE);
        return new ReportInput(runLabel, machine, facts, points, ScalingCurves.of(points, k -> false),
                new Contention().analyse(points, rankings.eligibility()), List.of(), List.of(), Bounds.NONE, rankings,
                ThreadsVsProcesses.of(points, List.of()), Answers.of(points, rankings, Bounds.NONE, List.of()), Map.of());
    }
}
