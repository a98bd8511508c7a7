package corescale.stats.compare;

import java.util.List;

/**
 * The JVM arguments that set each side of a comparison apart: what configurations of one run change.
 * The harness's own (the core count, the CPUs, the archive) change with every point and are left out.
 */
public final class OwnJvmArgs {

    private OwnJvmArgs() {
    }

    /**
     * Per side, the JVM arguments every one of its forks had and not every fork of every other side, leaving
     * out options whose value changes between the forks of any side: those are the harness's, per point.
     */
    public static List<String> of(List<RunData> runs) {
        List<List<java.util.Set<String>>> forks = runs.stream().map(r -> r.runs().stream()
                .map(i -> (java.util.Set<String>) new java.util.LinkedHashSet<>(List.of(i.jvmArgs().trim().split("\\s+"))))
                .toList()).toList();
        java.util.Set<String> perPoint = new java.util.HashSet<>();
        for (List<java.util.Set<String>> side : forks) {
            side.forEach(f -> f.forEach(a -> {
                if (side.stream().map(g -> g.stream().filter(b -> option(b).equals(option(a))).toList()).distinct().count() > 1) {
                    perPoint.add(option(a));
                }
            }));
        }
        List<List<String>> always = forks.stream().map(side -> side.isEmpty() ? List.<String>of()
                : side.get(0).stream().filter(a -> !a.isEmpty() && !perPoint.contains(option(a))
                && side.stream().allMatch(f -> f.contains(a))).toList()).toList();
        return always.stream().map(a -> String.join(" ", a.stream()
                .filter(x -> !always.stream().allMatch(other -> other.contains(x))).toList())).toList();
    }

    /** The option an argument sets: "-XX:ActiveProcessorCount" of "-XX:ActiveProcessorCount=2", "-XX:UseG1GC" of "-XX:+UseG1GC". */
    private static String option(String arg) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        return name.startsWith("-XX:+") || name.startsWith("-XX:-") ? "-XX:" + name.substring(5) : name;
    }
}
