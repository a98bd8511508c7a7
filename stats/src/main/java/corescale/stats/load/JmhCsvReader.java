package corescale.stats.load;

import corescale.stats.io.BadInputException;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PooledResult;
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
import java.util.TreeMap;

/**
 * Reads JMH's {@code -rf csv} and {@code -rf scsv}. JMH formats numbers with the JVM's default
 * locale ({@code %f}), so a German run writes {@code "123,456"}; both separators are accepted.
 * Secondary metrics come as extra rows named {@code benchmark:metric} after their primary row.
 * These files hold only JMH's score and error pooled over all forks. A row is one point in one mode:
 * rows are told apart by their {@link PointKey} (benchmark, params, threads and mode), and a repeated
 * row is refused.
 */
final class JmhCsvReader {

    private static final String PARAM_PREFIX = "Param: ";

    private JmhCsvReader() {
    }

    static List<PooledResult> read(Path file, Reader in, char delimiter) throws BadInputException, IOException {
        RunInfo run = new RunInfo(file.getFileName().toString(), "", "", "", "", 0, "", "", "", "", "");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).build();
        try (CSVParser parser = format.parse(in)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new BadInputException(file, 0, "empty file");
            }
            CSVRecord header = it.next();
            Columns cols = Columns.of(file, header);
            // Primary rows in file order; secondary rows attach to the primary of the same point.
            Map<PointKey, Primary> primaries = new LinkedHashMap<>();
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
                int line = (int) parser.getCurrentLineNumber();
                if (r.size() != header.size()) {
                    throw new BadInputException(file, line, "row has " + r.size() + " fields, the header has " + header.size());
                }
                String name = r.get(cols.benchmark).trim();
                Map<String, String> params = new HashMap<>();
                cols.params.forEach((p, i) -> params.put(p, r.get(i).trim()));
                Mode mode;
                try {
                    mode = Mode.parse(r.get(cols.mode));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(file, line, e.getMessage());
                }
                int threads = whole(file, line, "Threads", r.get(cols.threads));
                int colon = name.indexOf(':');
                PointKey key = JmhNames.key(colon >= 0 ? name.substring(0, colon) : name, params, threads, 0, mode);
                if (colon >= 0) {
                    Primary p = primaries.get(key);
                    if (p == null) {
                        throw new BadInputException(file, line, "secondary metric row '" + name + "' has no primary row before it");
                    }
                    p.secondary.put(name.substring(colon + 1), decimal(file, line, "Score", r.get(cols.score), true));
                    continue;
                }
                double factor;
                try {
                    factor = Units.factor(mode, r.get(cols.unit));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(file, line, e.getMessage());
                }
                double score = decimal(file, line, "Score", r.get(cols.score), false);
                if (score < 0) {
                    throw new BadInputException(file, line, "Score " + r.get(cols.score) + " is negative");
                }
                double error = decimal(file, line, "Score Error", r.get(cols.error), true);
                int samples = whole(file, line, "Samples", r.get(cols.samples));
                Primary before = primaries.putIfAbsent(key,
                        new Primary(key, line, samples, score * factor, error * factor, new LinkedHashMap<>()));
                if (before != null) {
                    throw new BadInputException(file, line, "repeats the row of line " + before.line + " (" + name
                            + (params.isEmpty() ? "" : " " + new TreeMap<>(params)) + ", threads " + threads
                            + ", mode " + mode.jmhName() + ")");
                }
            }
            if (primaries.isEmpty()) {
                throw new BadInputException(file, 1, "header only, no data rows");
            }
            List<PooledResult> out = new ArrayList<>();
            for (Primary p : primaries.values()) {
                out.add(new PooledResult(run, p.key, Units.canonical(p.key.mode()), 0, p.samples, p.score, p.error, p.secondary));
            }
            return out;
        }
    }

    private record Primary(PointKey key, int line, int samples, double score, double error,
                           Map<String, Double> secondary) {
    }

    private record Columns(int benchmark, int mode, int threads, int samples, int score, int error, int unit,
                           Map<String, Integer> params) {
        static Columns of(Path file, CSVRecord header) throws BadInputException {
            Map<String, Integer> byName = new HashMap<>();
            Map<String, Integer> params = new LinkedHashMap<>();
            int error = -1;
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).trim();
                if (h.startsWith(PARAM_PREFIX)) {
                    params.put(h.substring(PARAM_PREFIX.length()), i);
                } else if (h.startsWith("Score Error")) {
                    error = i;
                } else {
                    byName.putIfAbsent(h, i);
                }
            }
            List<String> missing = new ArrayList<>();
            for (String c : List.of("Benchmark", "Mode", "Threads", "Samples", "Score", "Unit")) {
                if (!byName.containsKey(c)) {
                    missing.add(c);
                }
            }
            if (error < 0) {
                missing.add("Score Error (99.9%)");
            }
            if (!missing.isEmpty()) {
                throw new BadInputException(file, 1, "missing JMH CSV column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
            }
            return new Columns(byName.get("Benchmark"), byName.get("Mode"), byName.get("Threads"), byName.get("Samples"),
                    byName.get("Score"), error, byName.get("Unit"), params);
        }
    }

    /** A JMH number in either locale: {@code 1234.5} or {@code 1234,5} (JMH's %f never groups digits). */
    static double decimal(Path file, int line, String column, String text, boolean nanAllowed) throws BadInputException {
        String t = text.trim();
        String normal = t.indexOf('.') < 0 ? t.replace(',', '.') : t;
        double v;
        try {
            v = Double.parseDouble(normal);
        } catch (NumberFormatException e) {
            throw new BadInputException(file, line, column + " '" + t + "' is not a number");
        }
        if (Double.isNaN(v) && !nanAllowed || Double.isInfinite(v)) {
            throw new BadInputException(file, line, column + " is " + t + ", not a finite number");
        }
        return v;
    }

    private static int whole(Path file, int line, String column, String text) throws BadInputException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(file, line, column + " '" + text.trim() + "' is not a whole number");
        }
    }
}
