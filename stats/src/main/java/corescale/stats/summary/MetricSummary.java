package corescale.stats.summary;

import corescale.stats.model.Measurement;
import corescale.stats.model.PointKey;
import org.apache.commons.math3.stat.StatUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A secondary metric of one point (a benchmark's own, such as {@code lost_updates}, or a profiler's,
 * such as {@code gc.alloc.rate.norm}), summarised as the score is: each fork's mean over the
 * iterations the score keeps (the point's warm-up dropped), and the mean of those fork means.
 *
 * @param name      the metric, as results.csv names its column
 * @param mean      the mean of the fork means
 * @param forkMeans each fork's mean, for the forks that reported the metric, in fork order
 */
public record MetricSummary(String name, double mean, double[] forkMeans) {

    public MetricSummary {
        forkMeans = forkMeans.clone();
    }

    @Override
    public double[] forkMeans() {
        return forkMeans.clone();
    }

    /**
     * Every point's metrics, by name; a point without secondary metrics has none.
     *
     * @param rows  the points' summaries, whose warm-up the metrics drop too
     * @param forks the points' forks ({@link ForkIterations#of})
     */
    public static Map<PointKey, SortedMap<String, MetricSummary>> of(List<SummaryRow> rows,
                                                                    Map<PointKey, List<ForkIterations>> forks) {
        Map<PointKey, SortedMap<String, MetricSummary>> out = new LinkedHashMap<>();
        for (SummaryRow row : rows) {
            PointKey key = row.summary().key();
            List<ForkIterations> measured = forks.getOrDefault(key, List.of());
            int warmup = Math.max(row.warmup(), 0);
            TreeSet<String> names = new TreeSet<>();
            measured.forEach(f -> f.iterations().forEach(m -> names.addAll(m.secondary().keySet())));
            SortedMap<String, MetricSummary> metrics = new TreeMap<>();
            for (String name : names) {
                List<Double> means = new ArrayList<>();
                for (ForkIterations f : measured) {
                    double[] kept = f.iterations().subList(Math.min(warmup, f.iterations().size()), f.iterations().size())
                            .stream().map(Measurement::secondary).map(s -> s.get(name))
                            .filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).toArray();
                    if (kept.length > 0) {
                        means.add(StatUtils.mean(kept));
                    }
                }
                if (!means.isEmpty()) {
                    double[] forkMeans = means.stream().mapToDouble(Double::doubleValue).toArray();
                    metrics.put(name, new MetricSummary(name, StatUtils.mean(forkMeans), forkMeans));
                }
            }
            out.put(key, metrics);
        }
        return out;
    }
}
