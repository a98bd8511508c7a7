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
        System.out.println(points.size() + " benchmark/parameter combinations");
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
