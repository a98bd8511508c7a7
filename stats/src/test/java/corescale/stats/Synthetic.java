package corescale.stats;

import java.util.Set;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.bounds.Bounds;
import corescale.stats.bounds.PointFacts;
import corescale.stats.compare.CompareResult;
import corescale.stats.compare.Comparer;
import corescale.stats.compare.RunData;
import corescale.stats.load.Format;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.ResultsColumn;
import corescale.stats.model.RunInfo;
import corescale.stats.model.Units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds synthetic inputs for tests. */
public final class Synthetic {

    public static final RunInfo RUN = new RunInfo("r1", "hostA", "Linux", "amd64", "cpu", 8, "vendor", "21.0.2", "", "", "");
    public static final String HEADER = ResultsColumn.HEADER_LINE;

    private Synthetic() {
    }

    public static PointKey key(String variant, int cores, int threads) {
        return new PointKey("counters", "Counters.increment", variant, "work=0", cores, threads, Mode.THROUGHPUT);
    }

    /** One input holding the given forks (each an array of iteration scores) of one point. */
    public static LoadedInput input(PointKey key, Mode mode, double[]... forks) {
        List<Measurement> rows = new ArrayList<>();
        for (int f = 0; f < forks.length; f++) {
            for (int i = 0; i < forks[f].length; i++) {
                rows.add(new Measurement(RUN, key.withMode(mode), Units.canonical(mode), f + 1, i + 1, forks[f][i], Map.of()));
            }
        }
        return new LoadedInput(Path.of("synthetic.csv"), Format.RESULTS_CSV, rows, List.of());
    }

    /** n normal iterations around level with standard deviation sd. */
    public static double[] iterations(SplittableRandom rnd, double level, double sd, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = level + sd * rnd.nextGaussian();
        }
        return out;
    }

    /** A summary made directly from fork means (interval and flags left empty: compare needs only the means). */
    public static PointSummary summary(PointKey key, Mode mode, double... forkMeans) {
        double mean = java.util.Arrays.stream(forkMeans).average().orElseThrow();
        // The interval the Summarizer gives over fork means (Student's t), none from one fork.
        corescale.stats.summary.Interval ci = forkMeans.length >= 2
                ? corescale.stats.summary.Intervals.studentT(forkMeans, 0.95) : new corescale.stats.summary.Interval(Double.NaN, Double.NaN);
        return new PointSummary(key.withMode(mode), Units.canonical(mode), forkMeans.length, forkMeans.length * 10, mean,
                ci.low(), ci.high(), Double.NaN, false, forkMeans, List.of());
    }

    /** Writes a results.csv with the given data lines (after our header) and returns its path. */
    public static Path resultsCsv(Path dir, String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, HEADER + "\n" + String.join("\n", lines) + "\n");
        return p;
    }

    /** A data line of results.csv. */
    public static String row(String host, String variant, int cores, int threads, String mode, int fork, int iteration,
                             double score, String unit) {
        Map<ResultsColumn, Object> v = new EnumMap<>(ResultsColumn.class);
        v.put(ResultsColumn.RUN_ID, "r-" + host);
        v.put(ResultsColumn.HOST, host);
        v.put(ResultsColumn.VARIANT, variant);
        v.put(ResultsColumn.CORES, cores);
        v.put(ResultsColumn.THREADS, threads);
        v.put(ResultsColumn.MODE, mode);
        v.put(ResultsColumn.FORK, fork);
        v.put(ResultsColumn.ITERATION, iteration);
        v.put(ResultsColumn.SCORE, score);
        v.put(ResultsColumn.UNIT, unit);
        return line(v);
    }

    /**
     * A data line of results.csv with the given fixed columns, the others as a plain synthetic run
     * has them, then the given secondary metrics' values, in the header's order.
     */
    public static String line(Map<ResultsColumn, ?> values, Object... secondary) {
        List<String> fields = new ArrayList<>();
        for (ResultsColumn c : ResultsColumn.values()) {
            Object value = values.containsKey(c) ? values.get(c) : switch (c) {
                case RUN_ID -> "r1";
                case HOST -> "hostA";
                case OS -> "Linux";
                case ARCH -> "amd64";
                case CPU_MODEL -> "cpu";
                case CPUS_ONLINE -> 8;
                case JDK_VENDOR -> "vendor";
                case JDK_VERSION -> "21.0.2";
                case JVM_ARGS, CONFIG, AFFINITY -> "";
                case CORES, THREADS, FORK, ITERATION -> 1;
                case FAMILY -> "counters";
                case BENCHMARK -> "Counters.increment";
                case VARIANT -> "v";
                case PARAMS -> "work=0";
                case MODE -> "thrpt";
                case SCORE -> 1.0;
                case UNIT -> "ops/us";
            };
            fields.add(String.valueOf(value));
        }
        for (Object m : secondary) {
            fields.add(String.valueOf(m));
        }
        return String.join(",", fields);
    }

    /** A run of these points without canary readings, its curves computed from them. */
    public static RunData runData(String name, List<PointSummary> points, Set<RunInfo> runs, Bounds bounds) {
        return new RunData(name, points, runs, bounds, ScalingCurves.unfitted(points, bounds.oneAtATime()), List.of());
    }

    /** A run whose points report no bounds or facts. */
    public static RunData runData(String name, List<PointSummary> points, Set<RunInfo> runs) {
        return runData(name, points, runs, Bounds.NONE);
    }

    /**
     * The bounds of {@code points} with those at {@code heldBack} held back by the service: their
     * requests took 3 times its delay (above {@link corescale.stats.bounds.Bound#SERVICE_BOUND}).
     */
    public static Bounds heldBack(List<PointSummary> points, List<PointKey> heldBack) {
        Map<PointKey, PointFacts> facts = new java.util.HashMap<>();
        heldBack.forEach(k -> facts.put(k, new PointFacts(Double.NaN, Double.NaN, 3.0)));
        return Bounds.of(points, facts);
    }

    /** One run a side ({@link corescale.stats.compare.Design#FORKS}), each side named as its run. */
    public static CompareResult compare(Comparer comparer, RunData base, RunData other) {
        return comparer.compare(List.of(base), List.of(other), base.name(), other.name());
    }
}
