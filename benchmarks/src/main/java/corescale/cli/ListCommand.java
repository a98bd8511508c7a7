package corescale.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import corescale.benchmarks.ParamLimit;
import corescale.benchmarks.exec.PoolSize;
import corescale.sweep.Plan;
import corescale.sweep.Profile;
import corescale.sweep.Point;

/** Lists the benchmarks and their parameters, grouped by family. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the benchmarks, their variants and parameters (JMH's own list: '-l', '-lp').")
final class ListCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILTER", description = "Regex over benchmark names, as in JMH.")
    String filter = "";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Validation.filter(filter);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<Point> points = Plan.build(filter, List.of(1), Optional.of(List.of(1)), java.util.Map.of());
        if (points.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no benchmark matches '" + filter + "' ('list' with no FILTER names them all)");
        }
        String lastBenchmark = "";
        for (Point p : points) {
            if (!p.benchmark().equals(lastBenchmark)) {
                System.out.println(p.key().family() + "  " + p.benchmark());
                lastBenchmark = p.benchmark();
            }
            String others = p.key().params();
            System.out.println("    " + p.key().variant() + (others.isEmpty() ? "" : "  " + others));
        }
        System.out.println(points.size() + " benchmark/parameter combinations (JMH's own; plain JMH runs them all)");
        // What run measures is the profile's choice, not JMH's @Param lists: said here, not left to docs.
        java.util.Map<String, java.util.SortedSet<String>> variants = new java.util.LinkedHashMap<>();
        java.util.Map<String, java.util.SortedSet<String>> settings = new java.util.LinkedHashMap<>();
        for (Point p : Plan.build(filter, List.of(1), Optional.of(List.of(1)), Profile.standard().params())) {
            String b = p.key().family() + "  " + p.benchmark().substring(p.benchmark().lastIndexOf('.', p.benchmark().lastIndexOf('.') - 1) + 1);
            variants.computeIfAbsent(b, k -> new TreeSet<>()).add(p.key().variant());
            settings.computeIfAbsent(b, k -> new TreeSet<>()).add(p.key().params().isEmpty() ? "no params" : p.key().params());
        }
        System.out.println("run (the default sweep) measures:");
        variants.forEach((b, v) -> System.out.println("    " + b + "  " + v.size() + " variant" + (v.size() == 1 ? "" : "s")
                + " at " + String.join(" | ", settings.get(b))));
        System.out.println("'run --thorough' measures every combination above; 'run --dry-run' shows a run's plan");
        // Numeric parameters take other values than those listed, within their ParamLimit.
        Set<String> names = new TreeSet<>();
        Plan.benchmarks(filter).forEach(b -> names.addAll(b.getParams().orElse(Map.of()).keySet()));
        List<String> ranges = ParamLimit.ALL.stream().filter(l -> names.contains(l.name()))
                .map(l -> l.name() + " " + l.range()).toList();
        if (!ranges.isEmpty()) {
            System.out.println("--param also takes other numbers: " + String.join(", ", ranges)
                    + (names.contains("pool") ? " (pool also '" + PoolSize.CORES + "')" : ""));
        }
        return 0;
    }
}
