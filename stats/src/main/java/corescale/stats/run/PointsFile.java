package corescale.stats.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import corescale.stats.load.NotUtf8;
import corescale.stats.model.Mode;
import corescale.stats.model.ConfigPoint;
import corescale.stats.model.PointKey;

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

    /** The {@code stop} of a point whose forks met its target. */
    public static final String TARGET_MET = "target_met";

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

    /**
     * What a report takes from a run's points.csv, read once.
     *
     * @param stolen     the points above the steal flag
     * @param targetsMet the relative target each point stopped at ({@value #TARGET_MET}), by point and
     *                   configuration: its interval is the one {@code summary.TargetRule} gives
     */
    public record Contents(List<Stolen> stolen, Map<ConfigPoint, Double> targetsMet) {

        /** No points.csv. */
        public static final Contents NONE = new Contents(List.of(), Map.of());

        public Contents {
            stolen = List.copyOf(stolen);
            targetsMet = Map.copyOf(targetsMet);
        }
    }

    /** {@code runDir/points.csv} as a report reads it; {@link Contents#NONE} when the file is absent. */
    public static Contents read(Path runDir) throws IOException {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Contents.NONE;
        }
        List<Stolen> stolen = new ArrayList<>();
        Map<ConfigPoint, Double> targetsMet = new HashMap<>();
        CSVParser parser = null;
        try (Reader in = Files.newBufferedReader(file);
             CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            parser = rows;
            // A file from before `mode` keyed a point says nothing of targets: its points keep their t interval.
            boolean keyed = KEY.stream().allMatch(rows.getHeaderMap()::containsKey);
            int width = rows.getHeaderNames().size();
            Map<ConfigPoint, Long> lineOf = new HashMap<>();
            for (CSVRecord r : rows) {
                // The sweep writes whole rows, one per point and configuration: anything else is a damaged file.
                if (r.size() != width) {
                    throw new IllegalArgumentException(r.size() + " fields where the header has " + width + " (a row cut short or run on)");
                }
                if (keyed) {
                    Long earlier = lineOf.putIfAbsent(new ConfigPoint(key(r), value(r, Column.CONFIG)), r.getRecordNumber() + 1);
                    if (earlier != null) {
                        throw new IllegalArgumentException("repeats the point of line " + earlier
                                + " (points.csv has one row per point and configuration)");
                    }
                }
                double steal = value(r, Column.STEAL_PCT).isBlank() ? Double.NaN : number(r, Column.STEAL_PCT);
                if (flagged(steal)) {
                    stolen.add(new Stolen(r.get(Column.BENCHMARK.header), r.get(Column.VARIANT.header), r.get(Column.PARAMS.header),
                            integer(r, Column.CORES), integer(r, Column.THREADS), steal));
                }
                if (keyed && TARGET_MET.equals(value(r, Column.STOP))) {
                    targetsMet.put(new ConfigPoint(key(r), value(r, Column.CONFIG)), number(r, Column.TARGET));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(NotUtf8.in(file).getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new IOException(NotUtf8.in(file).getMessage(), e);
            }
            String line = parser == null ? "" : ", line " + parser.getCurrentLineNumber();
            throw new IOException(file + line + ": " + e.getMessage(), e);
        }
        return new Contents(stolen, targetsMet);
    }

    /** A column's value in the row, "" when the file has no such column (written before it existed). */
    private static String value(CSVRecord r, Column c) {
        return r.isMapped(c.header) && r.isSet(c.header) ? r.get(c.header) : "";
    }

    /** A column's number; what is wrong, by column name, when it is not one. */
    private static double number(CSVRecord r, Column c) {
        return parsed(r, c, Double::valueOf, "a number");
    }

    /** A column's whole number; what is wrong, by column name, when it is not one. */
    private static int integer(CSVRecord r, Column c) {
        return parsed(r, c, Integer::valueOf, "a whole number");
    }

    private static <T> T parsed(CSVRecord r, Column c, Function<String, T> parse, String what) {
        String text = value(r, c);
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + c.header + ": '" + text + "' is not " + what);
        }
    }

    private static PointKey key(CSVRecord r) {
        return new PointKey(r.get(Column.FAMILY.header), r.get(Column.BENCHMARK.header), r.get(Column.VARIANT.header),
                r.get(Column.PARAMS.header), integer(r, Column.CORES), integer(r, Column.THREADS),
                Mode.parse(r.get(Column.MODE.header)));
    }
}
