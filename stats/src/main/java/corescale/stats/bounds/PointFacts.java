package corescale.stats.bounds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.PointKey;

/**
 * What a benchmark says about its own point through secondary metrics, averaged over the point's
 * measured iterations (NaN when it does not report one). The statistics take these facts from the
 * results, never from a list of benchmark names.
 *
 * @param concurrency    units of work the model has in flight at once at most, by construction, or on
 *                       average at best where they wait on a service ({@value #CONCURRENCY}); 1 means
 *                       one at a time: a latency, not a scaling curve
 * @param serviceTimeUs  the fixed time one unit waits on a service, µs ({@value #SERVICE_TIME_US}):
 *                       with {@code concurrency}, Little's law bounds the throughput
 * @param latencyVsDelay mean observed latency of a unit over that time ({@value #LATENCY_VS_DELAY})
 */
public record PointFacts(double concurrency, double serviceTimeUs, double latencyVsDelay) {

    public static final String CONCURRENCY = "concurrency";
    public static final String SERVICE_TIME_US = "service_time_us";
    public static final String LATENCY_VS_DELAY = "latency_vs_delay";

    public static final PointFacts NONE = new PointFacts(Double.NaN, Double.NaN, Double.NaN);

    /** One unit at a time by construction. */
    public boolean oneAtATime() {
        return concurrency == 1;
    }

    /** The facts of every point that reports at least one of the metrics, in point order. */
    public static Map<PointKey, PointFacts> of(List<LoadedInput> inputs) {
        Map<PointKey, double[]> sums = new HashMap<>(); // per metric: sum, count
        for (LoadedInput input : inputs) {
            for (Measurement m : input.measurements()) {
                Map<String, Double> s = m.secondary();
                if (!s.containsKey(CONCURRENCY) && !s.containsKey(SERVICE_TIME_US) && !s.containsKey(LATENCY_VS_DELAY)) {
                    continue;
                }
                double[] acc = sums.computeIfAbsent(m.key(), k -> new double[6]);
                add(acc, 0, s.get(CONCURRENCY));
                add(acc, 2, s.get(SERVICE_TIME_US));
                add(acc, 4, s.get(LATENCY_VS_DELAY));
            }
        }
        Map<PointKey, PointFacts> facts = new TreeMap<>();
        sums.forEach((key, a) -> facts.put(key, new PointFacts(mean(a, 0), mean(a, 2), mean(a, 4))));
        return facts;
    }

    private static void add(double[] acc, int at, Double value) {
        if (value != null && Double.isFinite(value)) {
            acc[at] += value;
            acc[at + 1]++;
        }
    }

    private static double mean(double[] acc, int at) {
        return acc[at + 1] == 0 ? Double.NaN : acc[at] / acc[at + 1];
    }
}
