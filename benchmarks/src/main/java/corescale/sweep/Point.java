package corescale.sweep;

import java.util.SortedMap;
import java.util.TreeMap;

import corescale.stats.load.JmhNames;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;

/**
 * One point of a sweep: a benchmark method with one value per parameter, run on {@code cores}
 * CPUs by {@code threads} JMH threads.
 *
 * @param benchmark fully qualified JMH benchmark name, e.g. {@code corescale.benchmarks.counters.Counters.increment}
 * @param params    every JMH parameter with its one value, {@code variant} included
 * @param mode      the benchmark mode (JMH lists a benchmark once per mode)
 */
public record Point(String benchmark, SortedMap<String, String> params, int cores, int threads, Mode mode) {

    public Point {
        params = new TreeMap<>(params);
    }

    /** The identity under which results.csv, summaries and comparisons know this point. */
    public PointKey key() {
        return JmhNames.key(benchmark, params, threads, cores, mode);
    }

    /** A short human label for progress lines. */
    public String label() {
        PointKey k = key();
        return k.family() + " " + k.variant() + (k.params().isEmpty() ? "" : " " + k.params())
                + " cores=" + cores + " threads=" + threads;
    }
}
