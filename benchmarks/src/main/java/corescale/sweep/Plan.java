package corescale.sweep;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import corescale.benchmarks.processcounters.ProcessCounters;
import corescale.stats.load.JmhNames;
import corescale.stats.model.Mode;

/**
 * The points of a sweep: every benchmark matching the filter, times every combination of its
 * parameter values, times every core count, times the thread counts for that core count.
 *
 * <p>Threads: a benchmark that fixes its threads with {@code @Threads} (one that runs its own
 * batch of concurrent work) gets just that; the others (shared-state benchmarks such as counters)
 * get {@code cores} and the oversubscribed {@code 2 × cores}, plus 1 at the fewest cores, unless
 * the user gave a list.
 */
public final class Plan {

    /** Benchmarks that exist to test the runner itself; run only when asked for by name. */
    static final String SELFTEST = "corescale.benchmarks.selftest.";

    private Plan() {
    }

    /**
     * @param filter     JMH-style regex over fully qualified benchmark names; empty for all
     * @param coreCounts core counts to measure at
     * @param threads    thread counts to use instead of the default, or empty
     * @param params     parameter values to use instead of a benchmark's own, where it has the
     *                   parameter; a key {@code family.name} applies to that family only
     */
    public static List<Point> build(String filter, List<Integer> coreCounts, Optional<List<Integer>> threads,
                                    Map<String, List<String>> params) {
        List<Point> points = new ArrayList<>();
        Set<String> skipped = new LinkedHashSet<>();
        for (BenchmarkListEntry entry : benchmarks(filter)) {
            for (SortedMap<String, String> combination : combinations(entry, params)) {
                if (unavailableHere(entry.getUsername(), combination, skipped)) {
                    continue;
                }
                int fewestCores = coreCounts.stream().mapToInt(Integer::intValue).min().orElse(1);
                for (int cores : coreCounts) {
                    for (int t : threadsFor(fixedThreads(entry), cores, fewestCores, threads)) {
                        points.add(new Point(entry.getUsername(), combination, cores, t, Mode.parse(entry.getMode().shortLabel())));
                    }
                }
            }
        }
        points.sort((a, b) -> a.cores() != b.cores() ? Integer.compare(a.cores(), b.cores()) : 0);
        return points;
    }

    /**
     * The benchmarks (one entry per method and mode) that {@code filter} selects, as JMH's own
     * list finds them; the selftest benchmarks only when the filter names them.
     */
    public static List<BenchmarkListEntry> benchmarks(String filter) {
        List<String> excludes = filter.contains("selftest") ? List.of() : List.of(java.util.regex.Pattern.quote(SELFTEST));
        var silent = OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT);
        return List.copyOf(BenchmarkList.defaultList().find(silent, List.of(filter.isEmpty() ? "." : filter), excludes));
    }

    /**
     * Variants this JDK cannot run are left out, with one line saying why: processcounters' POSIX
     * semaphores need the FFM API of JDK 22+.
     */
    private static boolean unavailableHere(String benchmark, Map<String, String> combination, Set<String> said) {
        if (!benchmark.startsWith(ProcessCounters.class.getName() + ".")) {
            return false;
        }
        Optional<String> why = ProcessCounters.unavailable(combination.get(JmhNames.VARIANT_PARAM));
        why.ifPresent(w -> {
            if (said.add(w)) {
                System.out.println("processcounters: POSIX semaphore variants skipped: " + w);
            }
        });
        return why.isPresent();
    }

    private static Optional<Integer> fixedThreads(BenchmarkListEntry entry) {
        return entry.getThreads().hasValue() ? Optional.of(entry.getThreads().get()) : Optional.empty();
    }

    /**
     * Threads = cores and the oversubscribed 2 × cores; the single-thread baseline only at the
     * fewest cores, since one thread gains little from more cores and every point costs forks.
     */
    static List<Integer> threadsFor(Optional<Integer> fixed, int cores, int fewestCores, Optional<List<Integer>> asked) {
        if (fixed.isPresent()) {
            return List.of(fixed.get());
        }
        if (asked.isPresent()) {
            return asked.get();
        }
        return new ArrayList<>(new LinkedHashSet<>(cores == fewestCores ? List.of(1, cores, 2 * cores) : List.of(cores, 2 * cores)));
    }

    private static List<SortedMap<String, String>> combinations(BenchmarkListEntry entry, Map<String, List<String>> overrides) {
        List<SortedMap<String, String>> result = new ArrayList<>();
        result.add(new TreeMap<>());
        Map<String, String[]> own = entry.getParams().orElse(Map.of());
        for (Map.Entry<String, String[]> param : new TreeMap<>(own).entrySet()) {
            // "io.k" sets k for the io family only; a plain "k" for every benchmark that has one.
            String qualified = JmhNames.family(entry.getUsername()) + "." + param.getKey();
            List<String> values = overrides.getOrDefault(qualified,
                    overrides.getOrDefault(param.getKey(), List.of(param.getValue())));
            List<SortedMap<String, String>> next = new ArrayList<>();
            for (SortedMap<String, String> partial : result) {
                for (String value : values) {
                    SortedMap<String, String> extended = new TreeMap<>(partial);
                    extended.put(param.getKey(), value);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }
}
