package corescale.stats.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corescale.stats.io.BadInputException;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PooledResult;
import corescale.stats.model.RunInfo;
import corescale.stats.model.Units;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads JMH's {@code -rf json}: an array with one object per benchmark and params. Per-fork
 * iterations come from {@code primaryMetric.rawData} (or, in sample mode, the per-iteration mean of
 * {@code rawDataHistogram}); without either, only JMH's pooled score and error are kept. Several
 * modes ({@code -bm thrpt,avgt}, {@code -bm all}) give one object, and one point, per mode.
 *
 * <p>Params {@code cores}, {@code threads} (equal to the object's threads), {@code config} and
 * {@code mode} (equal to its mode) are read as the point's cores, configuration and so on, as
 * corescale's jmh-result.json writes them, not as benchmark parameters. Without {@code cores} the
 * cores come from {@code -XX:ActiveProcessorCount} in jvmArgs (0, unknown, without either).
 */
final class JmhJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhJsonReader() {
    }

    /** Measurements and pooled-only points of one file. */
    record Result(List<Measurement> measurements, List<PooledResult> pooled) {
    }

    static Result read(Path file, Reader in) throws BadInputException, IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new BadInputException(file, line, "invalid or truncated JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new BadInputException(file, 0, "empty file");
        }
        if (!root.isArray()) {
            throw new BadInputException(file, 1, "not a JMH result: expected a JSON array of benchmark results");
        }
        if (root.isEmpty()) {
            throw new BadInputException(file, 1, "JMH result array is empty, no benchmarks");
        }
        List<Measurement> measurements = new ArrayList<>();
        List<PooledResult> pooled = new ArrayList<>();
        // One object per point and mode (-bm thrpt,avgt gives two); a repeated one would merge its forks into the first's.
        Map<PointKey, Integer> seen = new HashMap<>();
        int n = 0;
        for (JsonNode b : root) {
            n++;
            PointKey pm = readOne(file, n, b, measurements, pooled);
            Integer before = seen.putIfAbsent(pm, n);
            if (before != null) {
                throw new BadInputException(file, 0, "benchmark #" + n + " repeats benchmark #" + before
                        + " (same benchmark, params, threads and mode)");
            }
        }
        return new Result(measurements, pooled);
    }

    /** Reads one benchmark object into measurements or pooled; returns its point. */
    private static PointKey readOne(Path file, int n, JsonNode b, List<Measurement> measurements, List<PooledResult> pooled)
            throws BadInputException {
        String where = "benchmark #" + n;
        String name = text(file, b, "benchmark", where);
        where = "benchmark #" + n + " (" + name + ")";
        Mode mode;
        try {
            mode = Mode.parse(text(file, b, "mode", where));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, 0, where + ": " + e.getMessage());
        }
        int threads = whole(file, b, "threads", where);
        StringBuilder jvmArgs = new StringBuilder();
        for (JsonNode a : b.path("jvmArgs")) {
            jvmArgs.append(jvmArgs.isEmpty() ? "" : " ").append(a.asText());
        }
        Map<String, String> params = new HashMap<>();
        b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        // corescale's jmh-result.json names the point in params (cores, threads, config, mode): they are not the benchmark's.
        int cores = params.containsKey(JmhNames.CORES_PARAM) ? coresParam(file, params.remove(JmhNames.CORES_PARAM), where)
                : JmhNames.coresFromJvmArgs(jvmArgs.toString());
        params.remove(JmhNames.THREADS_PARAM, Integer.toString(threads));
        params.remove(JmhNames.MODE_PARAM, mode.jmhName());
        String config = Objects.requireNonNullElse(params.remove(JmhNames.CONFIG_PARAM), "");
        RunInfo run = new RunInfo(file.getFileName().toString(), "", "", "", "", 0,
                b.path("vmName").asText(""), b.path("jdkVersion").asText(""), jvmArgs.toString(), config, "");
        PointKey key = JmhNames.key(name, params, threads, cores, mode);

        JsonNode primary = b.path("primaryMetric");
        if (!primary.isObject()) {
            throw new BadInputException(file, 0, where + ": no primaryMetric");
        }
        String unit = text(file, primary, "scoreUnit", where + " primaryMetric");
        double factor;
        try {
            factor = Units.factor(mode, unit);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, 0, where + ": " + e.getMessage());
        }
        double[][] raw = rawData(file, primary, where);
        Map<String, double[][]> secondaryRaw = new LinkedHashMap<>();
        Map<String, Double> secondaryScores = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = b.path("secondaryMetrics").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            secondaryScores.put(e.getKey(), number(e.getValue().path("score")));
            secondaryRaw.put(e.getKey(), rawData(file, e.getValue(), where + " secondary " + e.getKey()));
        }
        if (raw == null) {
            double score = checkedScore(file, number(primary.path("score")), where);
            int forks = b.path("forks").asInt(0);
            int samples = forks * b.path("measurementIterations").asInt(0);
            pooled.add(new PooledResult(run, key, Units.canonical(mode), forks, samples,
                    score * factor, number(primary.path("scoreError")) * factor, secondaryScores));
            return key;
        }
        for (int f = 0; f < raw.length; f++) {
            for (int i = 0; i < raw[f].length; i++) {
                double score = checkedScore(file, raw[f][i], where + " fork " + (f + 1) + " iteration " + (i + 1));
                Map<String, Double> secondary = new HashMap<>();
                for (Map.Entry<String, double[][]> s : secondaryRaw.entrySet()) {
                    double[][] sr = s.getValue();
                    // Only when the secondary metric has the same shape can it be matched to iterations.
                    if (sr != null && f < sr.length && i < sr[f].length) {
                        secondary.put(s.getKey(), sr[f][i]);
                    }
                }
                measurements.add(new Measurement(run, key, Units.canonical(mode), f + 1, i + 1, score * factor, secondary));
            }
        }
        return key;
    }

    /** rawData as [fork][iteration], from rawData or the means of rawDataHistogram; null when neither is present. */
    private static double[][] rawData(Path file, JsonNode metric, String where) throws BadInputException {
        JsonNode raw = metric.path("rawData");
        if (raw.isArray() && !raw.isEmpty()) {
            double[][] out = new double[raw.size()][];
            for (int f = 0; f < raw.size(); f++) {
                JsonNode fork = raw.get(f);
                out[f] = new double[fork.size()];
                for (int i = 0; i < fork.size(); i++) {
                    out[f][i] = number(fork.get(i));
                }
            }
            return out;
        }
        JsonNode hist = metric.path("rawDataHistogram");
        if (hist.isArray() && !hist.isEmpty()) {
            double[][] out = new double[hist.size()][];
            for (int f = 0; f < hist.size(); f++) {
                JsonNode fork = hist.get(f);
                out[f] = new double[fork.size()];
                for (int i = 0; i < fork.size(); i++) {
                    double sum = 0, count = 0;
                    for (JsonNode pair : fork.get(i)) {
                        sum += number(pair.get(0)) * number(pair.get(1));
                        count += number(pair.get(1));
                    }
                    if (count == 0) {
                        throw new BadInputException(file, 0, where + ": empty histogram in fork " + (f + 1));
                    }
                    out[f][i] = sum / count;
                }
            }
            return out;
        }
        return null;
    }

    /** The {@code cores} param: a whole number of at least 1. */
    private static int coresParam(Path file, String text, String where) throws BadInputException {
        try {
            int cores = Integer.parseInt(text.trim());
            if (cores >= 1) {
                return cores;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadInputException(file, 0, where + ": params.cores '" + text + "' is not a count of at least 1");
    }

    private static double checkedScore(Path file, double score, String where) throws BadInputException {
        if (!Double.isFinite(score)) {
            throw new BadInputException(file, 0, where + ": score is " + score + ", not a finite number");
        }
        if (score < 0) {
            throw new BadInputException(file, 0, where + ": score " + score + " is negative");
        }
        return score;
    }

    /** JMH writes NaN as the string "NaN"; anything else non-numeric becomes NaN and is caught by the caller. */
    private static double number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String text(Path file, JsonNode node, String field, String where) throws BadInputException {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new BadInputException(file, 0, where + ": missing field '" + field + "'");
        }
        return v.asText();
    }

    private static int whole(Path file, JsonNode node, String field, String where) throws BadInputException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new BadInputException(file, 0, where + ": field '" + field + "' is missing or not a whole number");
        }
        return v.asInt();
    }
}
