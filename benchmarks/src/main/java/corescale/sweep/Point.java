package corescale.sweep;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import corescale.stats.model.PointKey;

/**
 * One point of a sweep: a benchmark method with one value per parameter, run on {@code cores}
 * CPUs by {@code threads} JMH threads.
 *
 * @param benchmark fully qualified JMH benchmark name, e.g. {@code corescale.benchmarks.counters.Counters.increment}
 * @param params    every JMH parameter with its one value, {@code variant} included
 */
public record Point(String benchmark, SortedMap<String, String> params, int cores, int threads) {

    static final String BENCHMARKS_PACKAGE = "corescale.benchmarks.";

    public Point {
        params = new TreeMap<>(params);
    }

    /** The identity under which results.csv, summaries and comparisons know this point. */
    public PointKey key() {
        return new PointKey(family(benchmark), shortName(benchmark), variant(), otherParams(), cores, threads);
    }

    public String variant() {
        String v = params.get("variant");
        return v != null ? v : benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Parameters other than {@code variant}, as {@code k=v;k=v} sorted by key. */
    public String otherParams() {
        return params.entrySet().stream()
                .filter(e -> !e.getKey().equals("variant"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    /** {@code counters} for {@code corescale.benchmarks.counters.Counters.increment}. */
    public static String family(String benchmark) {
        String rest = benchmark.startsWith(BENCHMARKS_PACKAGE) ? benchmark.substring(BENCHMARKS_PACKAGE.length()) : benchmark;
        String[] parts = rest.split("\\.");
        return parts.length >= 3 ? parts[parts.length - 3] : "default";
    }

    /** {@code Counters.increment} for {@code corescale.benchmarks.counters.Counters.increment}. */
    public static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    /** A short human label for progress lines. */
    public String label() {
        String others = otherParams();
        return family(benchmark) + " " + variant() + (others.isEmpty() ? "" : " " + others)
                + " cores=" + cores + " threads=" + threads;
    }
}
