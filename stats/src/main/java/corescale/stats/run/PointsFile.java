package corescale.stats.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A run folder's {@code points.csv}: one row per finished point (per configuration in an interleaved
 * run), how it stopped and what the machine did to it. Written by the sweep, read here; its columns
 * are named in one place, {@link Column}.
 */
public final class PointsFile {

    public static final String NAME = "points.csv";
    /** Points that could not be measured: the key columns and {@code error}. */
    public static final String FAILURES = "failures.csv";
    public static final String ERROR = "error";

    /** Steal above this share of a point's time is flagged: the hypervisor took that much from it. */
    public static final double STEAL_FLAG = 0.02;

    /**
     * points.csv's columns, in file order; the first seven key a point like results.csv (and like
     * {@code model.PointKey}): a benchmark measured in two modes is two rows.
     */
    public enum Column {
        FAMILY("family"), BENCHMARK("benchmark"), VARIANT("variant"), PARAMS("params"), CORES("cores"), THREADS("threads"),
        MODE("mode"), FORKS("forks"), MEAN("mean"), UNIT("unit"), REL_CI("rel_ci"), TARGET("target"), STOP("stop"), SECONDS("seconds"),
        MEASURE_SECONDS("measure_seconds"), CPUS("cpus"), STEAL_PCT("steal_pct"), INVOLUNTARY_SWITCHES("involuntary_switches"),
        CONFIG("config"), MODES("modes");

        public final String header;

        Column(String header) {
            this.header = header;
        }
    }

    /** The key columns' headers, in order. */
    public static final List<String> KEY = Arrays.stream(Column.values()).limit(Column.MODE.ordinal() + 1).map(c -> c.header).toList();
    /** The other columns' headers, in order. */
    public static final List<String> VALUES = Arrays.stream(Column.values()).skip(KEY.size()).map(c -> c.header).toList();

    /**
     * A point whose CPUs lost more than {@link #STEAL_FLAG} of their time to steal.
     *
     * @param stealPct the steal time, in percent of the point's time
     */
    public record Stolen(String benchmark, String variant, String params, int cores, int threads, double stealPct) {
    }

    private PointsFile() {
    }

    /** The steal column's value for a share of the CPUs' time: percent, to the 2 decimals the file keeps. */
    public static double stealPct(double share) {
        return Math.round(share * 10_000) / 100.0;
    }

    /** Whether a point with this steal (percent, as the file keeps it) is flagged: the console and the report agree. */
    public static boolean flagged(double stealPct) {
        return stealPct > 100 * STEAL_FLAG;
    }

    /** The points of {@code runDir/points.csv} above the steal flag; none when the file is absent. */
    public static List<Stolen> stolen(Path runDir) throws IOException {
        Path file = runDir.resolve(NAME);
        List<Stolen> stolen = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return stolen;
        }
        String steal = Column.STEAL_PCT.header;
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                if (!r.isMapped(steal) || !r.isSet(steal) || r.get(steal).isBlank()) {
                    continue;
                }
                double pct = Double.parseDouble(r.get(steal));
                if (flagged(pct)) {
                    stolen.add(new Stolen(r.get(Column.BENCHMARK.header), r.get(Column.VARIANT.header), r.get(Column.PARAMS.header),
                            Integer.parseInt(r.get(Column.CORES.header)), Integer.parseInt(r.get(Column.THREADS.header)), pct));
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return stolen;
    }
}
