package corescale.stats.bounds;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import corescale.stats.load.LoadedInput;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Units;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;
import corescale.stats.summary.WelchOnLogs;

/**
 * Every throughput point against its physical bound, found from the results alone:
 * <ul>
 * <li>a point that reports {@code concurrency} and {@code service_time_us} (each unit waits that long
 * on a service): Little's law, concurrency / service time;</li>
 * <li>a point of a benchmark with a {@value #SEQUENTIAL} variant (its units run inline, one at a time,
 * on one thread): cores × that variant's throughput at the same core count, threads and parameters.
 * No model runs more than one unit per core at a time faster than one thread runs them alone.</li>
 * </ul>
 * Points with neither have no bound. See stats/STATISTICS.md.
 */
public final class Bounds {

    /** The variant whose throughput, times cores, bounds the others of its benchmark. */
    public static final String SEQUENTIAL = "sequential";

    public static final Bounds NONE = new Bounds(Map.of());

    private final Map<PointKey, Bound> byKey;

    private Bounds(Map<PointKey, Bound> byKey) {
        this.byKey = byKey;
    }

    /** The bounds of {@code points}, with the facts the inputs report about them. */
    public static Bounds of(List<PointSummary> points, List<LoadedInput> inputs) {
        return of(points, PointFacts.of(inputs));
    }

    public static Bounds of(List<PointSummary> points, Map<PointKey, PointFacts> facts) {
        Map<PointKey, PointSummary> sequential = new HashMap<>();
        for (PointSummary p : points) {
            if (p.key().variant().equals(SEQUENTIAL) && p.mode() == Mode.THROUGHPUT) {
                sequential.put(asSequential(p.key()), p);
            }
        }
        Map<PointKey, Bound> byKey = new HashMap<>();
        for (PointSummary p : points) {
            PointFacts f = facts.getOrDefault(p.key(), PointFacts.NONE);
            double bound = Double.NaN;
            double low = Double.NaN;
            double high = Double.NaN;
            Bound.Basis basis = Bound.Basis.NONE;
            boolean throughput = p.mode() == Mode.THROUGHPUT && p.unit().equals(Units.THROUGHPUT);
            PointSummary seq = sequential.get(asSequential(p.key()));
            if (throughput && f.concurrency() > 0 && f.serviceTimeUs() > 0) {
                bound = f.concurrency() / f.serviceTimeUs(); // ops/us, the canonical throughput unit
                basis = Bound.Basis.IN_FLIGHT_OVER_SERVICE_TIME;
                // A bound of known value: the point's own interval over it, only an interval over fork
                // means (one fork's iterations, or JMH's pooled error, do not show a measurement error).
                if (p.forkMeans().length >= WelchOnLogs.MIN_FORKS) {
                    low = p.ciLow() / bound;
                    high = p.ciHigh() / bound;
                }
            } else if (throughput && seq != null && p.key().cores() > 0) {
                bound = p.key().cores() * seq.mean();
                basis = Bound.Basis.CORES_TIMES_SEQUENTIAL;
                if (p == seq) {
                    low = high = 1.0 / p.key().cores(); // the sequential point against itself, exactly
                } else {
                    // The bound is measured too: the ratio of the two points' throughputs, over cores.
                    Ratio r = Throughput.ratio(p, seq);
                    low = r.low() / p.key().cores();
                    high = r.high() / p.key().cores();
                }
            }
            if (Double.isFinite(bound) || !f.equals(PointFacts.NONE)) {
                byKey.put(p.key(), new Bound(p.key(), p.mean(), bound, low, high, basis, f));
            }
        }
        return new Bounds(Map.copyOf(byKey));
    }

    private static PointKey asSequential(PointKey k) {
        return k.withVariant(SEQUENTIAL);
    }

    /** The point's bound and facts; a bound of NaN and no facts when it has none. */
    public Bound at(PointKey key) {
        Bound b = byKey.get(key);
        return b != null ? b : new Bound(key, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Bound.Basis.NONE, PointFacts.NONE);
    }

    /** Points one unit at a time by construction: latencies, with no speedup or efficiency. */
    public Predicate<PointKey> oneAtATime() {
        return k -> at(k).facts().oneAtATime();
    }

    /**
     * Whether some point has a bound and none is above {@link Bound#ABOVE_BOUND} times it, shown so or by
     * its mean alone: "every model within its bound" may be said.
     */
    public boolean everyWithinBound() {
        List<Bound> all = all();
        return all.stream().anyMatch(Bound::hasBound) && all.stream().noneMatch(b -> b.aboveBound() || b.aboveByMeanOnly());
    }

    /** Every point with a bound or facts, in point order. */
    public List<Bound> all() {
        return byKey.values().stream().sorted(Comparator.comparing(Bound::key)).toList();
    }
}
