package corescale.stats.export;

import corescale.stats.Synthetic;
import corescale.stats.model.ResultsColumn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A small run folder as the sweep leaves it, and the context the sweep would give. */
final class ExportFixtures {

    /** The context of a run on one JDK, every benchmark warmed up once for 200 ms. */
    static final JmhContext CONTEXT = new JmhContext() {
        @Override
        public String jmhVersion() {
            return "1.37";
        }

        @Override
        public JvmFacts jvm(String config) {
            return new JvmFacts("/jdk/bin/java", "25", "OpenJDK 64-Bit Server VM", "25+36");
        }

        @Override
        public ForkShape forkShape(String benchmark) {
            return new ForkShape(1, "200 ms", "200 ms");
        }
    };

    /** Iterations of point (variant, cores, threads) in fork f: [f][i]. */
    /** Iterations without a warm-up shared by the forks, so that every iteration is kept. */
    static final double[][] LOCK_2C_2T = {{10.2, 10.4, 10.0}, {9.6, 9.8, 9.7}, {11.1, 10.9, 11.0}};
    static final double[][] LOCK_2C_4T = {{5.2, 5.0, 5.1}, {4.8, 4.7, 4.9}, {5.3, 5.4, 5.2}};
    static final double[][] ADDER_1C_1T = {{31, 30, 30.5}, {29, 29.8, 29.5}, {31.2, 31, 30.9}};

    private ExportFixtures() {
    }

    /**
     * results.csv of three points (3 forks of 3 iterations each) with a secondary metric,
     * {@code lost_updates}, and {@code gc.alloc.rate.norm} (a profiler's) on the lock's points;
     * in configuration {@code config} (empty: a plain run).
     */
    static List<String> lines(String config, double factor) {
        List<String> lines = new ArrayList<>();
        add(lines, config, "lock", 2, 2, LOCK_2C_2T, factor, true);
        add(lines, config, "lock", 2, 4, LOCK_2C_4T, factor, true);
        add(lines, config, "adder", 1, 1, ADDER_1C_1T, factor, false);
        return lines;
    }

    static Path run(Path dir, List<String> lines) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.csv"),
                Synthetic.HEADER + ",gc.alloc.rate.norm,lost_updates\n" + String.join("\n", lines) + "\n");
        return dir;
    }

    static void add(List<String> lines, String config, String variant, int cores, int threads, double[][] forks,
                            double factor, boolean allocates) {
        for (int f = 0; f < forks.length; f++) {
            for (int i = 0; i < forks[f].length; i++) {
                Map<ResultsColumn, Object> v = new EnumMap<>(ResultsColumn.class);
                v.put(ResultsColumn.CONFIG, config);
                v.put(ResultsColumn.VARIANT, variant);
                v.put(ResultsColumn.CORES, cores);
                v.put(ResultsColumn.THREADS, threads);
                v.put(ResultsColumn.FORK, f + 1);
                v.put(ResultsColumn.ITERATION, i + 1);
                v.put(ResultsColumn.SCORE, forks[f][i] * factor);
                v.put(ResultsColumn.JVM_ARGS, "-XX:ActiveProcessorCount=" + cores + " -Dcorescale.quiet=true");
                lines.add(Synthetic.line(v, allocates ? 24 + f : "", 0));
            }
        }
    }
}
