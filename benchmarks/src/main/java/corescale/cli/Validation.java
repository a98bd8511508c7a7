package corescale.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.openjdk.jmh.runner.BenchmarkListEntry;

import corescale.benchmarks.ParamLimit;
import corescale.benchmarks.exec.PoolSize;
import corescale.stats.load.JmhNames;
import corescale.sweep.Plan;

/**
 * Checks of a filter and of {@code --param} values against the benchmarks as JMH's own list knows
 * them (their {@code @Param} values), so that a mistake is refused before anything runs, in
 * {@code --dry-run} too, instead of failing once forks have started. Each problem is an
 * {@link IllegalArgumentException} whose message names the option and the valid choices.
 *
 * <p>What a parameter takes is read from its {@code @Param} values: numbers when they are all
 * numbers (whole numbers when they are all whole), {@code pool} a pool size ({@link PoolSize}), and
 * any other parameter (the {@code variant}s) exactly one of the values listed.
 */
final class Validation {

    private Validation() {
    }

    /** The filter as a regex: refused when it is not one. */
    static void filter(String filter) {
        try {
            Pattern.compile(filter);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("FILTER '" + filter + "' is not a regex: " + e.getDescription());
        }
    }

    /**
     * Every {@code --param NAME=V1,V2} or {@code FAMILY.NAME=...} against the benchmarks the filter
     * selects: the name must be a parameter of one of them, each value one it takes.
     */
    static void params(String filter, Map<String, String> params) {
        List<BenchmarkListEntry> benchmarks = Plan.benchmarks(filter);
        if (benchmarks.isEmpty()) {
            return; // the plan says no benchmark matches, the first thing to fix
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            String key = param.getKey();
            String option = "--param " + key + "=" + param.getValue();
            if (key.isEmpty()) {
                throw new IllegalArgumentException(option + ": expected NAME=V1,V2");
            }
            noRepeats(option, List.of(param.getValue().split(",", -1)));
            List<BenchmarkListEntry> having = benchmarks.stream().filter(b -> has(b, key)).toList();
            if (having.isEmpty()) {
                throw new IllegalArgumentException(option + ": " + noSuchParameter(filter, key, benchmarks));
            }
            String name = key.substring(key.lastIndexOf('.') + 1);
            // Where FAMILY.NAME is given beside NAME, the plan takes FAMILY.NAME's values for that family.
            for (BenchmarkListEntry benchmark : having.stream().filter(b -> key.contains(".") || !params.containsKey(family(b) + "." + key))
                    .toList()) {
                List<String> listed = List.of(params(benchmark).get(name));
                for (String value : param.getValue().split(",", -1)) {
                    problem(name, value, listed, label(benchmark)).ifPresent(problem -> {
                        throw new IllegalArgumentException(option + ": " + problem);
                    });
                }
            }
        }
    }

    /** A list option's values, each once: a value given twice would measure its points twice. */
    static void noRepeats(String option, List<?> values) {
        Set<Object> seen = new HashSet<>();
        for (Object v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException(option + ": " + v + " is given twice");
            }
        }
    }

    /** Whether {@code key}, {@code NAME} or {@code FAMILY.NAME}, is a parameter of {@code benchmark}. */
    private static boolean has(BenchmarkListEntry benchmark, String key) {
        Set<String> names = params(benchmark).keySet();
        int dot = key.lastIndexOf('.');
        return dot < 0 ? names.contains(key) : key.substring(0, dot).equals(family(benchmark)) && names.contains(key.substring(dot + 1));
    }

    /** The benchmark's parameters with their {@code @Param} values, as JMH lists them. */
    private static Map<String, String[]> params(BenchmarkListEntry benchmark) {
        return benchmark.getParams().orElse(Map.of());
    }

    private static String family(BenchmarkListEntry benchmark) {
        return JmhNames.family(benchmark.getUsername());
    }

    private static String noSuchParameter(String filter, String key, List<BenchmarkListEntry> benchmarks) {
        TreeSet<String> names = new TreeSet<>();
        benchmarks.forEach(b -> names.addAll(params(b).keySet()));
        String which = filter.isEmpty() ? "no benchmark" : "no benchmark matching '" + filter + "'";
        return which + " has a parameter " + key + "; theirs: " + String.join(", ", names)
                + " (FAMILY.NAME for one family, e.g. " + example(benchmarks) + ")";
    }

    private static String example(List<BenchmarkListEntry> benchmarks) {
        return benchmarks.stream().filter(b -> !params(b).isEmpty()).findFirst()
                .map(b -> family(b) + "." + (params(b).containsKey(JmhNames.VARIANT_PARAM) ? JmhNames.VARIANT_PARAM : new TreeSet<>(params(b).keySet()).first()))
                .orElse("counters.variant");
    }

    /** What is wrong with {@code value} for the parameter {@code name} of {@code benchmark}, whose {@code @Param} values are {@code listed}. */
    private static Optional<String> problem(String name, String value, List<String> listed, String benchmark) {
        if (name.equals("pool")) {
            try {
                PoolSize.of(value);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        if (listed.stream().allMatch(Validation::isNumber)) {
            boolean whole = ParamLimit.of(name).map(ParamLimit::whole).orElse(listed.stream().allMatch(Validation::isWholeNumber));
            if (!(whole ? isWholeNumber(value) : isNumber(value))) {
                return Optional.of(name + " of " + benchmark + " takes " + (whole ? "a whole number" : "a number") + ", not '" + value + "'");
            }
            return ParamLimit.of(name).flatMap(limit -> limit.problem(Double.parseDouble(value)));
        }
        return listed.contains(value) ? Optional.empty()
                : Optional.of(benchmark + " has no " + name + " '" + value + "'; it takes " + String.join(", ", listed));
    }

    static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** As JMH sets a long or int parameter: Long.valueOf. */
    private static boolean isWholeNumber(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** e.g. counters.Counters.increment */
    private static String label(BenchmarkListEntry benchmark) {
        String name = benchmark.getUsername();
        int method = name.lastIndexOf('.');
        int type = name.lastIndexOf('.', method - 1);
        return family(benchmark) + "." + name.substring(type + 1);
    }
}
