package corescale.stats.load;

import corescale.stats.BadInputException;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.RunInfo;
import corescale.stats.model.Units;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads our tidy {@code results.csv} (columns as in DESIGN.md, then one column per secondary metric). */
final class ResultsCsvReader {

    /** The fixed columns, in the order the sweep writes them. */
    static final List<String> COLUMNS = List.of("run_id", "host", "os", "arch", "cpu_model", "cpus_online",
            "jdk_vendor", "jdk_version", "jvm_args", "cores", "affinity", "family", "benchmark", "variant",
            "params", "mode", "threads", "fork", "iteration", "score", "unit");

    private static final int RUN_ID = 0, CPUS_ONLINE = 5, AFFINITY = 10, CORES = 9, FAMILY = 11, BENCHMARK = 12,
            VARIANT = 13, PARAMS = 14, MODE = 15, THREADS = 16, FORK = 17, ITERATION = 18, SCORE = 19, UNIT = 20;

    private ResultsCsvReader() {
    }

    static List<Measurement> read(Path file, Reader in) throws BadInputException, IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(in)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new BadInputException(file, 0, "empty file");
            }
            CSVRecord header = it.next();
            int[] index = columnIndexes(file, header);
            Map<String, Integer> secondaryColumns = secondaryColumns(header);
            List<Measurement> rows = new ArrayList<>();
            Row row = new Row(file, index, secondaryColumns, header.size());
            long line = 1;
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    throw new BadInputException(file, (int) parser.getCurrentLineNumber(), "unreadable CSV: " + e.getCause().getMessage());
                }
                line = parser.getCurrentLineNumber();
                rows.add(row.parse(r, (int) line));
            }
            if (rows.isEmpty()) {
                throw new BadInputException(file, 1, "header only, no data rows");
            }
            return rows;
        }
    }

    private static int[] columnIndexes(Path file, CSVRecord header) throws BadInputException {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).trim(), i);
        }
        int[] index = new int[COLUMNS.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            Integer i = byName.get(COLUMNS.get(c));
            if (i == null) {
                missing.add(COLUMNS.get(c));
            } else {
                index[c] = i;
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException(file, 1, "missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (results.csv needs " + String.join(",", COLUMNS) + ")");
        }
        return index;
    }

    private static Map<String, Integer> secondaryColumns(CSVRecord header) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (!name.isEmpty() && !COLUMNS.contains(name)) {
                out.putIfAbsent(name, i);
            }
        }
        return out;
    }

    /** Parses rows, reusing the RunInfo and PointKey of the previous row when they repeat (they mostly do). */
    private static final class Row {
        private final Path file;
        private final int[] index;
        private final Map<String, Integer> secondaryColumns;
        private final int width;
        private final String[] lastRunFields = new String[AFFINITY + 1];
        private RunInfo lastRun;
        private final String[] lastKeyFields = new String[6];
        private PointKey lastKey;
        private final Map<String, Double> unitFactors = new HashMap<>();

        Row(Path file, int[] index, Map<String, Integer> secondaryColumns, int width) {
            this.file = file;
            this.index = index;
            this.secondaryColumns = secondaryColumns;
            this.width = width;
        }

        Measurement parse(CSVRecord r, int line) throws BadInputException {
            if (r.size() != width) {
                throw new BadInputException(file, line, "row has " + r.size() + " fields, the header has " + width);
            }
            RunInfo run = run(r, line);
            PointKey key = key(r, line);
            Mode mode;
            try {
                mode = Mode.parse(field(r, MODE));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, line, e.getMessage());
            }
            String unit = field(r, UNIT);
            double factor = factor(mode, unit, line);
            double score = number(r, SCORE, line);
            if (score < 0) {
                throw new BadInputException(file, line, "score " + field(r, SCORE) + " is negative"
                        + (mode.higherIsBetter() ? " (a throughput)" : " (a time)"));
            }
            Map<String, Double> secondary = Map.of();
            if (!secondaryColumns.isEmpty()) {
                secondary = new HashMap<>();
                for (Map.Entry<String, Integer> c : secondaryColumns.entrySet()) {
                    String text = r.get(c.getValue()).trim();
                    if (!text.isEmpty()) {
                        secondary.put(c.getKey(), parseDouble(text, c.getKey(), line));
                    }
                }
            }
            return new Measurement(run, key, mode, Units.canonical(mode),
                    integer(r, FORK, line), integer(r, ITERATION, line), score * factor, secondary);
        }

        private double factor(Mode mode, String unit, int line) throws BadInputException {
            String k = mode.name() + ' ' + unit;
            Double f = unitFactors.get(k);
            if (f == null) {
                try {
                    f = Units.factor(mode, unit);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(file, line, e.getMessage());
                }
                unitFactors.put(k, f);
            }
            return f;
        }

        private RunInfo run(CSVRecord r, int line) throws BadInputException {
            boolean same = lastRun != null;
            for (int c = RUN_ID; c <= AFFINITY && same; c++) {
                same = c == CORES || lastRunFields[c].equals(field(r, c));
            }
            if (!same) {
                for (int c = RUN_ID; c <= AFFINITY; c++) {
                    lastRunFields[c] = field(r, c);
                }
                String cpus = field(r, CPUS_ONLINE);
                int cpusOnline = cpus.isEmpty() ? 0 : integer(r, CPUS_ONLINE, line);
                lastRun = new RunInfo(field(r, 0), field(r, 1), field(r, 2), field(r, 3), field(r, 4), cpusOnline,
                        field(r, 6), field(r, 7), field(r, 8), field(r, AFFINITY));
            }
            return lastRun;
        }

        private PointKey key(CSVRecord r, int line) throws BadInputException {
            int[] cols = {FAMILY, BENCHMARK, VARIANT, PARAMS, CORES, THREADS};
            boolean same = lastKey != null;
            for (int i = 0; i < cols.length && same; i++) {
                same = lastKeyFields[i].equals(field(r, cols[i]));
            }
            if (!same) {
                for (int i = 0; i < cols.length; i++) {
                    lastKeyFields[i] = field(r, cols[i]);
                }
                lastKey = new PointKey(field(r, FAMILY), field(r, BENCHMARK), field(r, VARIANT), field(r, PARAMS),
                        integer(r, CORES, line), integer(r, THREADS, line));
            }
            return lastKey;
        }

        private String field(CSVRecord r, int column) {
            return r.get(index[column]);
        }

        private int integer(CSVRecord r, int column, int line) throws BadInputException {
            String text = field(r, column).trim();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new BadInputException(file, line, COLUMNS.get(column) + " '" + text + "' is not a whole number");
            }
        }

        private double number(CSVRecord r, int column, int line) throws BadInputException {
            return parseDouble(field(r, column).trim(), COLUMNS.get(column), line);
        }

        private double parseDouble(String text, String column, int line) throws BadInputException {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new BadInputException(file, line, column + " '" + text + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw new BadInputException(file, line, column + " is " + text + ", not a finite number");
            }
            return v;
        }
    }
}
