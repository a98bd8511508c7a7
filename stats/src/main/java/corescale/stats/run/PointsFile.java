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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import corescale.stats.io.BadInputException;
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

    /** Why the sweep stopped adding forks to a point: the {@code stop} column's values. */
    public enum Stop {
        /** Its forks met the precision target; its interval is that target ({@code summary.TargetRule}). */
        TARGET_MET("target_met"), MODES("modes"), MAX_FORKS("max_forks"), TIME_CAP("time_cap"), BUDGET("budget"),
        FIXED_FORKS("fixed_forks"), FAILED("failed"),
        /** Written for a point of the first pass while it may still get more forks. */
        PENDING("pending");

        public final String label;

        Stop(String label) {
            this.label = label;
        }

        /** The stop a label names, or empty. */
        static java.util.Optional<Stop> of(String label) {
            return java.util.Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
        }
    }

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
     * @param targetsMet the relative target each point stopped at ({@code target_met}), by point and
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

    /**
     * The columns every points.csv has had since the first sweep wrote one; a header without one of
     * them is not a points.csv (a point's target would be lost without a word).
     */
    static final List<Column> ALWAYS = List.of(Column.FAMILY, Column.BENCHMARK, Column.VARIANT, Column.PARAMS, Column.CORES,
            Column.THREADS, Column.FORKS, Column.MEAN, Column.UNIT, Column.REL_CI, Column.TARGET, Column.STOP);

    /**
     * {@code runDir/points.csv} as a report reads it; {@link Contents#NONE} when the file is absent. A
     * file the sweep cannot have written is refused at its line, naming the column: an empty file (the
     * sweep writes the header first; a header alone is a run stopped before its first point), a row
     * cut short, a point twice, or a number outside what its column holds ({@link #checked}).
     */
    public static Contents read(Path runDir) throws BadInputException, IOException {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Contents.NONE;
        }
        if (Files.size(file) == 0) {
            throw new BadInputException(file, 0, "empty file (the sweep writes the header before any point; "
                    + "a run stopped before its first point leaves the header alone)");
        }
        List<Stolen> stolen = new ArrayList<>();
        Map<ConfigPoint, Double> targetsMet = new HashMap<>();
        CSVParser parser = null;
        long line = 1;
        try (Reader in = Files.newBufferedReader(file);
             CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            parser = rows;
            List<String> missing = ALWAYS.stream().map(c -> c.header).filter(h -> !rows.getHeaderMap().containsKey(h)).toList();
            if (!missing.isEmpty()) {
                throw new BadInputException(file, 1, "not a points.csv header: no column " + String.join(", ", missing));
            }
            // A file from before `mode` keyed a point says nothing of targets: its points keep their t interval.
            boolean keyed = KEY.stream().allMatch(rows.getHeaderMap()::containsKey);
            int width = rows.getHeaderNames().size();
            Map<ConfigPoint, Long> lineOf = new HashMap<>();
            java.util.Iterator<CSVRecord> records = rows.iterator();
            while (true) {
                line = rows.getCurrentLineNumber() + 1; // the line the next record starts on
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord r = records.next();
                // The sweep writes whole rows, one per point and configuration: anything else is a damaged file.
                if (r.size() != width) {
                    throw new BadInputException(file, (int) line, r.size() + " fields where the header has " + width
                            + " (a row cut short or run on)");
                }
                Row row = checked(file, (int) line, r);
                if (keyed) {
                    Long earlier = lineOf.putIfAbsent(new ConfigPoint(row.key(), value(r, Column.CONFIG)), line);
                    if (earlier != null) {
                        throw new BadInputException(file, (int) line, "repeats the point of line " + earlier
                                + " (points.csv has one row per point and configuration)");
                    }
                }
                if (flagged(row.stealPct())) {
                    stolen.add(new Stolen(r.get(Column.BENCHMARK.header), r.get(Column.VARIANT.header), r.get(Column.PARAMS.header),
                            row.cores(), row.threads(), row.stealPct()));
                }
                if (keyed && row.stop() == Stop.TARGET_MET) {
                    targetsMet.put(new ConfigPoint(row.key(), value(r, Column.CONFIG)), row.target());
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw NotUtf8.in(file);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw NotUtf8.in(file);
            }
            // The CSV parser's own complaints (a quote left open): at the line it reached.
            long at = parser == null ? 0 : Math.max(line, parser.getCurrentLineNumber());
            throw new BadInputException(file, (int) at, "unreadable CSV: " + e.getMessage(), e);
        }
        return new Contents(stolen, targetsMet);
    }

    /**
     * What a report takes from a row: its key ({@code mode} thrpt where the file predates it), cores and
     * threads, steal (NaN where blank) and target (NaN where blank).
     */
    private record Row(PointKey key, Stop stop, double stealPct, double target) {
        int cores() {
            return key.cores();
        }

        int threads() {
            return key.threads();
        }
    }

    /**
     * The row's values, each number checked to what its column holds as the sweep writes it
     * (sweep.PointLines): cores, threads and forks counts of at least 1; {@code mean} a positive number or
     * blank; {@code rel_ci} a number of at least 0 or blank; {@code target} a precision target as
     * {@code run --precision} takes it (above 0, below 1), blank without one, and never blank where the
     * point stopped at it ({@code target_met}); {@code seconds} at least 0, {@code measure_seconds} any
     * time; {@code stop} one of {@link Stop}'s labels; {@code steal_pct} a percentage of at most 100 or
     * blank; {@code involuntary_switches} a count of at least 0. A column the file predates is not checked.
     */
    private static Row checked(Path file, int line, CSVRecord r) throws BadInputException {
        Cells c = new Cells(file, line, r);
        Mode mode = Mode.THROUGHPUT;
        if (r.isMapped(Column.MODE.header)) {
            try {
                mode = Mode.parse(value(r, Column.MODE));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, line, "column " + Column.MODE.header + ": " + e.getMessage());
            }
        }
        PointKey key = new PointKey(r.get(Column.FAMILY.header), r.get(Column.BENCHMARK.header), r.get(Column.VARIANT.header),
                r.get(Column.PARAMS.header), (int) c.count(Column.CORES, 1), (int) c.count(Column.THREADS, 1), mode);
        c.count(Column.FORKS, 1);
        c.number(Column.MEAN, true, v -> v > 0, "a mean score, above 0");
        c.number(Column.REL_CI, true, v -> v >= 0, "a relative interval half-width, at least 0");
        Stop stop = c.stop();
        double target = c.number(Column.TARGET, stop != Stop.TARGET_MET, v -> v > 0 && v < 1,
                "a precision target, a fraction above 0 and below 1 as run --precision takes it");
        c.number(Column.SECONDS, false, v -> v >= 0, "a time in seconds, at least 0");
        // JMH times the measurement by the wall clock, which may step back; the kernel's steal counter has
        // been seen to step back too (below 0 is no steal). Neither is a damaged file.
        c.number(Column.MEASURE_SECONDS, false, v -> true, "a time in seconds");
        double steal = c.number(Column.STEAL_PCT, true, v -> v <= 100, "a percentage of the CPUs' time, at most 100");
        c.count(Column.INVOLUNTARY_SWITCHES, 0);
        return new Row(key, stop, steal, target);
    }

    /** One row's cells, read as numbers and refused at the row's line, by column name, when they are not what the column holds. */
    private record Cells(Path file, int line, CSVRecord r) {

        /** Why the sweep stopped the point: one of {@link Stop}'s labels. */
        Stop stop() throws BadInputException {
            String text = value(r, Column.STOP);
            return Stop.of(text).orElseThrow(() -> new BadInputException(file, line, "column " + Column.STOP.header + ": '"
                    + text + "' is not one of " + String.join(", ", java.util.Arrays.stream(Stop.values()).map(s -> s.label).toList())));
        }

        /** A whole number of at least {@code min}; -1 when the file has no such column. */
        long count(Column c, long min) throws BadInputException {
            if (!r.isMapped(c.header)) {
                return -1;
            }
            String text = value(r, c);
            long v;
            try {
                v = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(file, line, "column " + c.header + ": '" + text + "' is not a whole number");
            }
            if (v < min || (v > Integer.MAX_VALUE && c != Column.INVOLUNTARY_SWITCHES)) {
                throw new BadInputException(file, line, "column " + c.header + ": " + text.trim() + " is not a count of at least " + min);
            }
            return v;
        }

        /**
         * A number that {@code ok} accepts ({@code what} says which), NaN when blank and {@code blankOk}, or
         * when the file has no such column. NaN and infinities are numbers no column holds.
         */
        double number(Column c, boolean blankOk, java.util.function.DoublePredicate ok, String what) throws BadInputException {
            if (!r.isMapped(c.header)) {
                return Double.NaN;
            }
            String text = value(r, c).trim();
            if (text.isEmpty()) {
                if (blankOk) {
                    return Double.NaN;
                }
                throw new BadInputException(file, line, "column " + c.header + ": empty"
                        + (c == Column.TARGET ? " where stop is " + Stop.TARGET_MET.label + " (the point stopped at its target, which the row names)" : ""));
            }
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new BadInputException(file, line, "column " + c.header + ": '" + text + "' is not a number");
            }
            if (!Double.isFinite(v) || !ok.test(v)) {
                throw new BadInputException(file, line, "column " + c.header + ": " + text + " is not " + what);
            }
            return v;
        }
    }

    /** A column's value in the row, "" when the file has no such column (written before it existed). */
    private static String value(CSVRecord r, Column c) {
        return r.isMapped(c.header) && r.isSet(c.header) ? r.get(c.header) : "";
    }
}
