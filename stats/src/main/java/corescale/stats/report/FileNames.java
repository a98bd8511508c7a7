package corescale.stats.report;

import corescale.stats.model.Mode;
import corescale.stats.model.Setting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives chart files names a reader can tell apart, made from input strings but safe anywhere: only
 * [a-z0-9-], bounded length, unique within one report. A group's charts are named by its benchmark
 * and only the params that tell it from the other groups of that benchmark
 * ({@code chart-counters-increment-workoutside-500-cores.png}); a clash (two long names cut alike)
 * gets "-2", "-3" in naming order. Names follow from the groups alone, so the same sweep gives the
 * same names, run after run.
 */
final class FileNames {

    /** Longest name, without ".png". */
    static final int MAX_LENGTH = 120;

    private final Set<String> used = new HashSet<>();
    /** Per family and benchmark, the param names whose values differ between its groups. */
    private final Map<List<String>, Set<String>> varying = new HashMap<>();

    /** @param groups every group the report draws charts of */
    FileNames(Collection<Setting> groups) {
        Map<List<String>, List<Map<String, String>>> byBenchmark = new HashMap<>();
        for (Setting g : groups) {
            byBenchmark.computeIfAbsent(List.of(g.family(), g.benchmark()), k -> new ArrayList<>()).add(params(g.params()));
        }
        byBenchmark.forEach((benchmark, settings) -> {
            Set<String> names = new HashSet<>();
            settings.forEach(p -> names.addAll(p.keySet()));
            names.removeIf(n -> settings.stream().map(p -> p.getOrDefault(n, "")).distinct().count() < 2);
            varying.put(benchmark, names);
        });
    }

    /** {@code chart-<benchmark>-<params that vary>-<mode unless thrpt>-<what...>.png}. */
    String chart(Setting group, String... what) {
        return png("chart", group, what);
    }

    /** As {@link #chart}, prefixed {@code fleet-}. */
    String fleet(Setting group, String... what) {
        return png("fleet", group, what);
    }

    /** As {@link #chart}, prefixed {@code compare-}. */
    String compare(Setting group, String... what) {
        return png("compare", group, what);
    }

    private String png(String prefix, Setting group, String... what) {
        List<String> parts = new ArrayList<>();
        String benchmark = slug(group.benchmark());
        // "counters-increment" says its family already; "spawn-startjoinbatch-startjoinall" needs it.
        if (!benchmark.startsWith(slug(group.family()))) {
            parts.add(group.family());
        }
        parts.add(group.benchmark());
        // A group of a benchmark not given to the constructor keeps all its params.
        Set<String> shown = varying.get(List.of(group.family(), group.benchmark()));
        params(group.params()).forEach((name, value) -> {
            if (shown == null || shown.contains(name)) {
                parts.add(name + "-" + value);
            }
        });
        if (group.mode() != Mode.THROUGHPUT) {
            parts.add(group.mode().jmhName());
        }
        parts.addAll(List.of(what));
        return png(prefix, parts.toArray(String[]::new));
    }

    /** A unique name {@code prefix-part-part.png} built from the given parts. */
    String png(String prefix, String... parts) {
        StringBuilder s = new StringBuilder(slug(prefix));
        for (String p : parts) {
            String sl = slug(p);
            if (!sl.isEmpty()) {
                s.append('-').append(sl);
            }
        }
        String base = s.toString();
        if (base.length() > MAX_LENGTH && parts.length > 0) {
            // Keep the start (benchmark, params) and the last part (what the chart is); the
            // counter below keeps two names cut alike apart.
            String tail = slug(parts[parts.length - 1]);
            base = base.substring(0, MAX_LENGTH - tail.length() - 1).replaceAll("-+$", "") + "-" + tail;
        }
        String name = base + ".png";
        for (int i = 2; !used.add(name); i++) {
            name = base + "-" + i + ".png";
        }
        return name;
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
    }

    /** "k=v;k=v" as name → value, in order. */
    private static Map<String, String> params(String params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : params.split(";")) {
            if (!p.isBlank()) {
                int eq = p.indexOf('=');
                out.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
            }
        }
        return out;
    }
}
