package corescale.stats.load;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps JMH's fully qualified benchmark names and params onto our {@link PointKey}: the one place
 * that says what family, benchmark, variant and params are, for the loaders and the sweep alike.
 */
public final class JmhNames {

    /** The benchmarks' parameter that names the variant; a benchmark without it is its method's variant. */
    public static final String VARIANT_PARAM = "variant";
    /**
     * Parameters corescale's jmh-result.json adds to name a point, that are not the benchmark's: its
     * cores, threads, configuration (in a run of several) and mode (where points differ only in it).
     */
    public static final String CORES_PARAM = "cores";
    public static final String THREADS_PARAM = "threads";
    public static final String CONFIG_PARAM = "config";
    public static final String MODE_PARAM = "mode";

    private static final String OUR_PACKAGE = "corescale.benchmarks.";
    private static final Pattern ACTIVE_CPUS = Pattern.compile("-XX:ActiveProcessorCount=(\\d+)");

    private JmhNames() {
    }

    /**
     * @param fullName e.g. {@code corescale.benchmarks.counters.Counters.increment}
     * @param params   JMH params by name
     * @param threads  JMH threads
     * @param cores    cores, 0 when unknown
     * @param mode     the benchmark mode
     */
    public static PointKey key(String fullName, Map<String, String> params, int threads, int cores, Mode mode) {
        int lastDot = fullName.lastIndexOf('.');
        int classDot = lastDot < 0 ? -1 : fullName.lastIndexOf('.', lastDot - 1);
        String method = fullName.substring(lastDot + 1);
        String benchmark = fullName.substring(classDot + 1);
        String family = family(fullName);
        Map<String, String> sorted = new TreeMap<>(params);
        String variant = sorted.containsKey(VARIANT_PARAM) ? sorted.remove(VARIANT_PARAM) : method;
        String paramText = sorted.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
        return new PointKey(family, benchmark, variant, paramText, cores, threads, mode);
    }

    /**
     * The JMH name of one of our points, the inverse of {@link #key}: e.g.
     * {@code corescale.benchmarks.counters.Counters.increment} for family {@code counters} and
     * benchmark {@code Counters.increment}.
     */
    public static String fullName(PointKey key) {
        return OUR_PACKAGE + key.family() + "." + key.benchmark();
    }

    /**
     * The point's JMH parameters, the inverse of {@link #key}: {@code variant} (unless it is only the
     * method's name, as for a benchmark without that parameter), then the others, sorted by name as JMH
     * sorts them.
     */
    public static Map<String, String> params(PointKey key) {
        Map<String, String> out = new TreeMap<>(key.paramMap());
        String method = key.benchmark().substring(key.benchmark().lastIndexOf('.') + 1);
        if (!key.variant().equals(method)) {
            out.put(VARIANT_PARAM, key.variant());
        }
        return out;
    }

    /**
     * The package segment after {@code corescale.benchmarks.} ({@code counters} for
     * {@code corescale.benchmarks.counters.Counters.increment}), else the last package segment.
     */
    public static String family(String fullName) {
        int lastDot = fullName.lastIndexOf('.');
        int classDot = lastDot < 0 ? -1 : fullName.lastIndexOf('.', lastDot - 1);
        String pkg = classDot < 0 ? "" : fullName.substring(0, classDot);
        if (fullName.startsWith(OUR_PACKAGE) && pkg.length() > OUR_PACKAGE.length() - 1) {
            String rest = pkg.substring(OUR_PACKAGE.length());
            int dot = rest.indexOf('.');
            return dot < 0 ? rest : rest.substring(0, dot);
        }
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** Cores the JVM was limited to, read from {@code -XX:ActiveProcessorCount=N}; 0 when not set. */
    static int coresFromJvmArgs(String jvmArgs) {
        Matcher m = ACTIVE_CPUS.matcher(jvmArgs);
        int cores = 0;
        while (m.find()) {
            cores = Integer.parseInt(m.group(1)); // the last one wins, as in the JVM
        }
        return cores;
    }
}
