package corescale.stats.bench;

import corescale.stats.io.BadInputException;
import corescale.stats.io.AtomicFiles;
import corescale.stats.io.CsvNumbers;
import corescale.stats.load.LoadedInput;
import corescale.stats.load.Loader;
import corescale.stats.model.ResultsColumn;
import corescale.stats.export.SummaryCsv;
import corescale.stats.model.ResultsFile;
import corescale.stats.summary.SummaryRow;
import corescale.stats.summary.Summarizer;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * "Measure it": writes 1,000,000 rows of results.csv (2,000 points × 5 forks × 100 iterations)
 * to a temp directory, loads them, summarises them (modes and warm-up included), writes summary.csv and
 * prints the times. Run it as described in stats/STATISTICS.md; the budget is 10 s including JVM start.
 *
 * <p>{@code --generate DIR [POINTS]} only writes {@code DIR/results.csv}, the same file, for
 * scripts/measure-stats.sh to time {@code report} and a CPython pass on. {@code --read DIR} loads and
 * summarises {@code DIR/results.csv} as {@code report} does and prints the times: the part of a
 * report that does what the CPython pass does (the rest is fits, charts and the report's text).
 */
public final class SummaryLoad {

    private SummaryLoad() {
    }

    public static void main(String[] args) throws IOException, BadInputException {
        if (args.length > 0 && args[0].equals("--generate")) {
            if (args.length < 2 || args.length > 3) {
                System.err.println("usage: SummaryLoad --generate DIR [POINTS]");
                System.exit(2);
            }
            Path dir = Files.createDirectories(Path.of(args[1]));
            generate(dir.resolve(ResultsFile.NAME), args.length > 2 ? Integer.parseInt(args[2]) : 2000, 5, 100);
            return;
        }
        if (args.length > 0 && args[0].equals("--read")) {
            if (args.length != 2) {
                System.err.println("usage: SummaryLoad --read DIR");
                System.exit(2);
            }
            long t0 = System.nanoTime();
            List<LoadedInput> in = Loader.load(Path.of(args[1]));
            long t1 = System.nanoTime();
            List<SummaryRow> rows = new Summarizer().summarize(in);
            long t2 = System.nanoTime();
            System.out.printf("rows %d, points %d: load %d ms, summarise %d ms, since JVM start %d ms%n",
                    in.get(0).measurements().size(), rows.size(), ms(t1 - t0), ms(t2 - t1),
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
            return;
        }
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("corescale-summaryload");
        try {
            Path csv = dir.resolve(ResultsFile.NAME);
            generate(csv, points, 5, 100);
            long t1 = System.nanoTime();
            List<LoadedInput> in = Loader.load(dir);
            long t2 = System.nanoTime();
            List<SummaryRow> rows = new Summarizer().summarize(in);
            AtomicFiles.write(dir.resolve("summary.csv"), w -> SummaryCsv.write(rows, w));
            long t3 = System.nanoTime();
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.printf("rows %d, points %d, bytes %d%n", in.get(0).measurements().size(), rows.size(), Files.size(csv));
            System.out.printf("generate %d ms, load %d ms, summarise+write %d ms, total in main %d ms, since JVM start %d ms%n",
                    ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t3 - t0), sinceJvmStart);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * A plausible sweep: 8 variants × params × cores × threads, each point with its own level and noise,
     * on a machine that placed its forks by affinity; a row's values by {@link ResultsColumn}, written in
     * its order as the sweep's writer does.
     */
    static void generate(Path csv, int points, int forks, int iterations) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        String[] variants = {"synchronized", "reentrantLock", "reentrantLockFair", "semaphore", "semaphoreFair",
                "stampedLock", "atomicLong", "longAdder"};
        Map<ResultsColumn, Object> row = new EnumMap<>(ResultsColumn.class);
        row.put(ResultsColumn.RUN_ID, "run-1");
        row.put(ResultsColumn.HOST, "bench-host");
        row.put(ResultsColumn.OS, "Linux");
        row.put(ResultsColumn.ARCH, "amd64");
        row.put(ResultsColumn.CPU_MODEL, "Some CPU @ 3.0GHz");
        row.put(ResultsColumn.CPUS_ONLINE, 2);
        row.put(ResultsColumn.JDK_VENDOR, "Eclipse Adoptium");
        row.put(ResultsColumn.JDK_VERSION, "21.0.2");
        row.put(ResultsColumn.CONFIG, "");
        row.put(ResultsColumn.AFFINITY, true);
        row.put(ResultsColumn.FAMILY, "counters");
        row.put(ResultsColumn.BENCHMARK, "Counters.increment");
        row.put(ResultsColumn.MODE, "thrpt");
        row.put(ResultsColumn.UNIT, "ops/us");
        // Values are known not to need quoting, so lines are built directly: generating is not what is measured.
        try (Writer w = Files.newBufferedWriter(csv)) {
            w.write(ResultsColumn.HEADER_LINE + ",lost_updates\n");
            StringBuilder line = new StringBuilder(256);
            for (int pt = 0; pt < points; pt++) {
                int cores = 1 << (pt / variants.length % 4);
                row.put(ResultsColumn.JVM_ARGS, "-Xmx1g -XX:ActiveProcessorCount=" + cores);
                row.put(ResultsColumn.CORES, cores);
                row.put(ResultsColumn.VARIANT, variants[pt % variants.length]);
                row.put(ResultsColumn.PARAMS, "workInside=" + (pt / (variants.length * 8)) + ";workOutside=0");
                row.put(ResultsColumn.THREADS, cores * (1 + pt / (variants.length * 4) % 2));
                double level = 10 + 90 * rnd.nextDouble();
                for (int f = 1; f <= forks; f++) {
                    double forkLevel = level * (1 + 0.02 * rnd.nextGaussian());
                    for (int i = 1; i <= iterations; i++) {
                        double score = Math.max(0, forkLevel * (1 + 0.05 * rnd.nextGaussian()));
                        row.put(ResultsColumn.FORK, f);
                        row.put(ResultsColumn.ITERATION, i);
                        row.put(ResultsColumn.SCORE, CsvNumbers.exact(score));
                        line.setLength(0);
                        for (ResultsColumn c : ResultsColumn.values()) {
                            line.append(Objects.requireNonNull(row.get(c), c.header)).append(',');
                        }
                        w.append(line.append("0\n")); // lost_updates
                    }
                }
            }
        }
    }
}
