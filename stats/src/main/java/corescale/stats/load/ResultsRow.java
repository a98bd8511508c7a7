package corescale.stats.load;

import com.fasterxml.jackson.core.io.NumberInput;
import corescale.stats.io.BadInputException;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.ResultsColumn;
import corescale.stats.model.RunInfo;
import corescale.stats.model.Units;

import static corescale.stats.model.ResultsColumn.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one record of results.csv into a {@link Measurement}, refusing values the sweep cannot have
 * written (see {@link ResultsCsvReader}). Reuses the RunInfo and PointKey of the previous row when
 * they repeat (they mostly do).
 */
final class ResultsRow {

    /** The columns of a run's RunInfo, which rows of one run repeat. */
    private static final List<ResultsColumn> RUN_COLUMNS = List.of(RUN_ID, HOST, OS, ARCH, CPU_MODEL, CPUS_ONLINE,
            JDK_VENDOR, JDK_VERSION, JVM_ARGS, CONFIG, AFFINITY);
    private static final List<ResultsColumn> KEY_COLUMNS = List.of(FAMILY, BENCHMARK, VARIANT, PARAMS, CORES, THREADS);

    private final Path file;
    private final int[] index;
    /** The secondary metrics' names, and their positions in the file. */
    private final String[] secondaryNames;
    private final int[] secondaryIndex;
    private final int width;
    private final String[] lastRunFields = new String[RUN_COLUMNS.size()];
    private RunInfo lastRun;
    private final String[] lastKeyFields = new String[KEY_COLUMNS.size()];
    private PointKey lastKey;
    private String lastModeText;
    private Mode lastMode;
    private Mode lastFactorMode;
    private String lastUnit;
    private double lastFactor;
    private final String[] lastSecondaryTexts;
    private Map<String, Double> lastSecondary;

    /** @param index each fixed column's position in the file by ordinal, -1 for an optional column it lacks */
    ResultsRow(Path file, int[] index, Map<String, Integer> secondaryColumns, int width) {
        this.file = file;
        this.index = index;
        this.secondaryNames = secondaryColumns.keySet().toArray(new String[0]);
        this.secondaryIndex = secondaryColumns.values().stream().mapToInt(Integer::intValue).toArray();
        this.width = width;
        this.lastSecondaryTexts = new String[secondaryNames.length];
    }

    Measurement parse(RepeatedFields r, int line) throws BadInputException {
        if (r.size() != width) {
            // A quote left open takes the rest of the file into its field.
            String open = r.size() < width && r.lineBreaks() > 0
                    ? ": a quoted field takes in the lines after it (a quote left open?)" : "";
            throw new BadInputException(file, line, "row has " + r.size() + " fields, the header has " + width + open);
        }
        RunInfo run = run(r, line);
        Mode mode = mode(field(r, MODE), line);
        PointKey key = key(r, mode, line);
        double factor = factor(mode, field(r, UNIT), line);
        double score = number(r, SCORE, line);
        if (score < 0) {
            throw new BadInputException(file, line, "score " + field(r, SCORE) + " is negative"
                    + (mode.higherIsBetter() ? " (a throughput)" : " (a time)"));
        }
        if (score == 0) {
            throw new BadInputException(file, line, "score is 0, " + (mode.higherIsBetter()
                    ? "a throughput of nothing (an infinite time per operation)"
                    : "a time of nothing per operation (an infinite throughput)")
                    + ": a JMH iteration completes at least one operation");
        }
        double canonical = score * factor;
        if (!Double.isFinite(canonical) || canonical == 0) {
            throw new BadInputException(file, line, "score " + field(r, SCORE).trim() + " " + field(r, UNIT).trim()
                    + " is beyond the range of a double once converted to " + Units.canonical(mode));
        }
        Map<String, Double> secondary = secondaryIndex.length == 0 ? Map.of() : secondary(r, line);
        return new Measurement(run, key, Units.canonical(mode),
                positive(r, FORK, line), positive(r, ITERATION, line), canonical, secondary);
    }

    /** Rows mostly repeat their secondary values (lost_updates 0), so the last map is reused when their texts repeat. */
    private Map<String, Double> secondary(RepeatedFields r, int line) throws BadInputException {
        boolean same = lastSecondary != null;
        for (int i = 0; i < secondaryIndex.length && same; i++) {
            same = r.get(secondaryIndex[i]).equals(lastSecondaryTexts[i]);
        }
        if (same) {
            return lastSecondary;
        }
        List<Map.Entry<String, Double>> values = new ArrayList<>(secondaryIndex.length);
        for (int i = 0; i < secondaryIndex.length; i++) {
            String text = r.get(secondaryIndex[i]).trim();
            if (!text.isEmpty()) {
                values.add(Map.entry(secondaryNames[i], parseDouble(text, secondaryNames[i], line)));
            }
        }
        // An immutable map here is kept as is by Measurement, saving a copy per row.
        @SuppressWarnings("unchecked")
        Map.Entry<String, Double>[] entries = values.toArray(new Map.Entry[0]);
        lastSecondary = Map.ofEntries(entries);
        for (int i = 0; i < secondaryIndex.length; i++) {
            lastSecondaryTexts[i] = r.get(secondaryIndex[i]);
        }
        return lastSecondary;
    }

    /** Rows repeat the same mode and unit, so the last parse is reused. */
    private Mode mode(String text, int line) throws BadInputException {
        if (!text.equals(lastModeText)) {
            try {
                lastMode = Mode.parse(text);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, line, e.getMessage());
            }
            lastModeText = text;
        }
        return lastMode;
    }

    private double factor(Mode mode, String unit, int line) throws BadInputException {
        if (mode != lastFactorMode || !unit.equals(lastUnit)) {
            try {
                lastFactor = Units.factor(mode, unit);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, line, e.getMessage());
            }
            lastFactorMode = mode;
            lastUnit = unit;
        }
        return lastFactor;
    }

    private RunInfo run(RepeatedFields r, int line) throws BadInputException {
        boolean same = lastRun != null;
        for (int i = 0; i < RUN_COLUMNS.size() && same; i++) {
            same = lastRunFields[i].equals(field(r, RUN_COLUMNS.get(i)));
        }
        if (!same) {
            for (int i = 0; i < RUN_COLUMNS.size(); i++) {
                lastRunFields[i] = field(r, RUN_COLUMNS.get(i));
            }
            String cpus = field(r, CPUS_ONLINE);
            int cpusOnline = cpus.isEmpty() ? 0 : integer(r, CPUS_ONLINE, line);
            lastRun = new RunInfo(field(r, RUN_ID), field(r, HOST), field(r, OS), field(r, ARCH), field(r, CPU_MODEL),
                    cpusOnline, field(r, JDK_VENDOR), field(r, JDK_VERSION), field(r, JVM_ARGS), field(r, CONFIG),
                    field(r, AFFINITY));
        }
        return lastRun;
    }

    private PointKey key(RepeatedFields r, Mode mode, int line) throws BadInputException {
        boolean same = lastKey != null && lastKey.mode() == mode;
        for (int i = 0; i < KEY_COLUMNS.size() && same; i++) {
            same = lastKeyFields[i].equals(field(r, KEY_COLUMNS.get(i)));
        }
        if (!same) {
            for (int i = 0; i < KEY_COLUMNS.size(); i++) {
                lastKeyFields[i] = field(r, KEY_COLUMNS.get(i));
            }
            lastKey = new PointKey(field(r, FAMILY), field(r, BENCHMARK), field(r, VARIANT), field(r, PARAMS),
                    positive(r, CORES, line), positive(r, THREADS, line), mode);
        }
        return lastKey;
    }

    private String field(RepeatedFields r, ResultsColumn column) {
        int i = index[column.ordinal()];
        return i < 0 ? "" : r.get(i);
    }

    private int integer(RepeatedFields r, ResultsColumn column, int line) throws BadInputException {
        String text = field(r, column).trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(file, line, column.header + " '" + text + "' is not a whole number");
        }
    }

    /** A count that starts at 1 (cores, threads, fork, iteration); 0 or less is impossible in our file. */
    private int positive(RepeatedFields r, ResultsColumn column, int line) throws BadInputException {
        int v = integer(r, column, line);
        if (v < 1) {
            throw new BadInputException(file, line, column.header + " is " + v + ", not a count of at least 1"
                    + (column == CORES ? " (0, unknown, is for JMH files only; results.csv records the cores of every fork)" : ""));
        }
        return v;
    }

    private double number(RepeatedFields r, ResultsColumn column, int line) throws BadInputException {
        return parseDouble(field(r, column).trim(), column.header, line);
    }

    private double parseDouble(String text, String column, int line) throws BadInputException {
        double v;
        try {
            // Jackson's fast parser rounds as Double.parseDouble does (ScoreTextTest), with less processor time on a million scores.
            v = NumberInput.parseDouble(text, true);
        } catch (NumberFormatException e) {
            throw new BadInputException(file, line, column + " '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new BadInputException(file, line, column + " is " + text + ", not a finite number");
        }
        return v;
    }
}
