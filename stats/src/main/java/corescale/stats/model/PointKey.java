package corescale.stats.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Identity of one measured point: which benchmark and variant, with which parameters, on how many
 * cores, with how many threads pressing on it, and in which mode it was measured (with
 * {@code -bm thrpt,avgt} one benchmark gives two points, never averaged together). Every table,
 * bound, fit and comparison keys points by this record; two runs are compared point by point on it.
 *
 * @param family    benchmark family, e.g. {@code counters}
 * @param benchmark benchmark name without the package, e.g. {@code Counters.increment}
 * @param variant   what is compared within the family, e.g. {@code reentrantLock}
 * @param params    remaining parameters as {@code k=v;k=v}, sorted by key; empty when none
 * @param cores     CPUs the measured JVM was allowed to use
 * @param threads   JMH worker threads (or tasks in flight)
 * @param mode      the benchmark mode (whether a higher score is better)
 */
public record PointKey(String family, String benchmark, String variant, String params, int cores, int threads,
                       Mode mode) implements Comparable<PointKey> {

    private static final Comparator<PointKey> ORDER = Comparator
            .comparing(PointKey::family)
            .thenComparing(PointKey::benchmark)
            .thenComparing(PointKey::variant)
            .thenComparing(PointKey::params)
            .thenComparingInt(PointKey::cores)
            .thenComparingInt(PointKey::threads)
            .thenComparing(PointKey::mode);

    public PointKey {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(mode, "mode");
    }

    /** The same point with another core count, e.g. to walk a scaling curve. */
    public PointKey withCores(int newCores) {
        return new PointKey(family, benchmark, variant, params, newCores, threads, mode);
    }

    /** The same point with another thread count. */
    public PointKey withThreads(int newThreads) {
        return new PointKey(family, benchmark, variant, params, cores, newThreads, mode);
    }

    /** The same point in another mode (the summariser's time-to-throughput conversion). */
    public PointKey withMode(Mode newMode) {
        return new PointKey(family, benchmark, variant, params, cores, threads, newMode);
    }

    /** The same point with another variant (a bound's {@code sequential} reference). */
    public PointKey withVariant(String newVariant) {
        return new PointKey(family, benchmark, newVariant, params, cores, threads, mode);
    }

    /** {@code params} as name → value, in its order (sorted by name). */
    public Map<String, String> paramMap() {
        return parseParams(params);
    }

    /** Packed params ({@code k=v;k=v}) as name → value, in their order; a part without {@code =} has an empty value. */
    public static Map<String, String> parseParams(String params) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!params.isEmpty()) {
            for (String part : params.split(";")) {
                int eq = part.indexOf('=');
                out.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
            }
        }
        return out;
    }

    /** How a message names the point, e.g. {@code Counters.increment synchronized [work=0] cores=2 threads=2 thrpt}. */
    public String label() {
        return benchmark + " " + variant + (params.isEmpty() ? "" : " [" + params + "]") + " cores=" + cores + " threads=" + threads
                + " " + mode.jmhName();
    }

    @Override
    public int compareTo(PointKey o) {
        return ORDER.compare(this, o);
    }
}
