package corescale.stats.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import corescale.stats.load.JmhNames;
import corescale.stats.model.Measurement;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.ForkIterations;
import corescale.stats.model.PooledResult;
import corescale.stats.summary.Interval;
import corescale.stats.summary.Intervals;
import corescale.stats.summary.SummaryRow;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run's points in the JSON that JMH's {@code -rf json} writes: one entry per point, the score being
 * the point's mean as summary.csv has it.
 *
 * <p>JMH pools all iterations of all forks for its error; here the fork is the unit, as everywhere
 * in corescale: {@code scoreError} and {@code scoreConfidence} are the Student t interval over fork
 * means at JMH's 99.9% (NaN with one fork, where there is no such interval). {@code rawData} holds every
 * fork's measured iterations, so a reader that summarises them as corescale does (its {@code report})
 * gets the same means and intervals.
 *
 * <p>{@code params} holds the benchmark's parameters, then the point's {@code cores} and {@code threads}
 * ({@code config} in a run of several configurations, and {@code mode} for a benchmark measured in
 * more than one mode): tools that name an entry by benchmark and params (github-action-benchmark)
 * then give every point a name of its own.
 */
public final class JmhResultJson {


    /** The percentiles JMH writes, and the names it gives them. */
    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JmhResultJson() {
    }

    /** One benchmark entry, with JMH's fields in JMH's order. */
    @JsonPropertyOrder({"jmhVersion", "benchmark", "mode", "threads", "forks", "jvm", "jvmArgs", "jdkVersion", "vmName",
            "vmVersion", "warmupIterations", "warmupTime", "warmupBatchSize", "measurementIterations", "measurementTime",
            "measurementBatchSize", "params", "primaryMetric", "secondaryMetrics"})
    public record Entry(String jmhVersion, String benchmark, String mode, int threads, int forks, String jvm,
                        List<String> jvmArgs, String jdkVersion, String vmName, String vmVersion, int warmupIterations,
                        String warmupTime, int warmupBatchSize, int measurementIterations, String measurementTime,
                        int measurementBatchSize, Map<String, String> params, Metric primaryMetric,
                        Map<String, Metric> secondaryMetrics) {
    }

    /** A metric as JMH writes it: score, error, confidence interval, percentiles, unit, each fork's iterations. */
    @JsonPropertyOrder({"score", "scoreError", "scoreConfidence", "scorePercentiles", "scoreUnit", "rawData"})
    public record Metric(double score, double scoreError, double[] scoreConfidence, Map<String, Double> scorePercentiles,
                         String scoreUnit, double[][] rawData) {
    }

    /**
     * The entries of one configuration's points.
     *
     * @param config    the configuration ({@code ""} for a run without configurations)
     * @param named     whether {@code config} goes into every entry's params (a run of several)
     * @param rows      the points' summaries ({@code Summarizer}), in order
     * @param forks     the points' forks as measured ({@link ForkIterations#of})
     */
    public static List<Entry> entries(String config, boolean named, List<SummaryRow> rows,
                                      Map<PointKey, List<ForkIterations>> forks, JmhContext context) {
        // Points that differ only in mode would share a name where mode is not part of it.
        Map<List<Object>, Integer> pointsPerName = new HashMap<>();
        rows.forEach(r -> pointsPerName.merge(nameWithoutMode(r.summary().key()), 1, Integer::sum));
        JvmFacts jvm = context.jvm(config);
        List<Entry> entries = new ArrayList<>();
        for (SummaryRow row : rows) {
            PointSummary s = row.summary();
            PointKey key = s.key();
            List<ForkIterations> measured = forks.getOrDefault(key, List.of());
            if (measured.isEmpty()) {
                continue; // known only by a pooled score: nothing of ours
            }
            String benchmark = JmhNames.fullName(key);
            Map<String, String> params = new LinkedHashMap<>(JmhNames.params(key));
            params.put(JmhNames.CORES_PARAM, Integer.toString(key.cores()));
            params.put(JmhNames.THREADS_PARAM, Integer.toString(key.threads()));
            if (named) {
                params.put(JmhNames.CONFIG_PARAM, config);
            }
            if (pointsPerName.get(nameWithoutMode(key)) > 1) {
                params.put(JmhNames.MODE_PARAM, key.mode().jmhName());
            }
            double[][] raw = measured.stream().map(ForkIterations::scores).toArray(double[][]::new);
            Map<String, Metric> secondary = new LinkedHashMap<>();
            row.metrics().forEach((name, m) ->
                    secondary.put(name, metric(m.mean(), m.forkMeans(), "", secondaryRaw(measured, name))));
            ForkShape shape = context.forkShape(benchmark);
            entries.add(new Entry(context.jmhVersion(), benchmark, key.mode().jmhName(), key.threads(), s.forks(), jvm.jvm(),
                    jvmArgs(measured.get(0)), jvm.jdkVersion(), jvm.vmName(), jvm.vmVersion(), shape.warmupIterations(),
                    shape.warmupTime(), 1, Arrays.stream(raw).mapToInt(f -> f.length).max().orElse(0), shape.measurementTime(),
                    1, params, metric(s.mean(), s.forkMeans(), s.unit(), raw), secondary));
        }
        return entries;
    }

    public static void write(List<Entry> entries, Writer out) throws IOException {
        JSON.writeValue(out, entries);
    }

    private static List<Object> nameWithoutMode(PointKey key) {
        return List.of(key.family(), key.benchmark(), key.variant(), key.params(), key.cores(), key.threads());
    }

    /** A metric whose score is {@code mean} (the point's, as summarised), with its interval over {@code forkMeans}. */
    private static Metric metric(double mean, double[] forkMeans, String unit, double[][] raw) {
        Interval ci = Intervals.studentT(forkMeans, PooledResult.JMH_LEVEL);
        double[] all = Arrays.stream(raw).flatMapToDouble(Arrays::stream).toArray();
        Map<String, Double> percentiles = new LinkedHashMap<>();
        Percentile percentile = new Percentile();
        for (double p : PERCENTILES) {
            double value = all.length == 0 ? Double.NaN : p == 0 ? StatUtils.min(all) : percentile.evaluate(all, p);
            percentiles.put(Double.toString(p), value);
        }
        return new Metric(mean, (ci.high() - ci.low()) / 2, new double[] {ci.low(), ci.high()}, percentiles, unit, raw);
    }

    /** Each fork's values of a secondary metric, for the iterations that report it. */
    private static double[][] secondaryRaw(List<ForkIterations> forks, String name) {
        return forks.stream().map(f -> f.iterations().stream().map(Measurement::secondary).map(s -> s.get(name))
                .filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
    }

    /** The fork's JVM arguments, as results.csv keeps them (space-separated). */
    private static List<String> jvmArgs(ForkIterations fork) {
        String args = fork.run().jvmArgs().strip();
        return args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
    }
}
