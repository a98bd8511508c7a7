package corescale.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import corescale.stats.StatsTool;
import corescale.stats.summary.LogRatioTest;

/**
 * {@code compare}: one side against others point by point, with confidence intervals and verdicts;
 * a side is a run or a comma-separated list of replicate runs; a single run of interleaved
 * configurations compares its configurations.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare runs point by point: ratio of means with a 95%% CI and a verdict "
                + "(faster, slower, same, inconclusive). Writes compare.csv and the comparison report.",
                "",
                "  compare r1 r2          one run a side: intervals cover fork-to-fork variance",
                "  compare r1,r2 r3,r4    replicate runs a side (comma-separated, no spaces):",
                "                         intervals include run-to-run variance",
                "  compare base o1 o2,o3  several OTHERs, each compared with BASE on its own",
                "  compare RUN            a run of --config configurations: each compared with",
                "                         the first, forks paired by round (drift cancels)",
                ""})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASE", description = "The baseline: a run folder (or result file), or "
            + "a comma-separated list of replicate run folders. Alone: a run of --config configurations.")
    String base;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "OTHER", description = "Each compared with BASE: a run, "
            + "or a comma-separated list of replicate runs. Several OTHERs are several comparisons.")
    List<String> others = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write. Default: the folder of the first OTHER run (BASE is left as it is), "
            + "or of BASE when it is one run with configurations.")
    Path out;

    @Option(names = "--threshold", paramLabel = "PCT", converter = Converters.Fraction.class,
            description = "Differences inside ±PCT count as the same, e.g. 5%% or 0.05 (default: ${DEFAULT-VALUE}).")
    double threshold = LogRatioTest.DEFAULT_THRESHOLD;

    @Option(names = "--fail-on-regression", description = "Exit with code 3 if any point is slower.")
    boolean failOnRegression;

    @Override
    public Integer call() {
        List<List<Path>> sides = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of(base));
        args.addAll(others);
        for (String arg : args) {
            List<String> names = Arrays.asList(arg.split(",", -1));
            if (names.stream().anyMatch(String::isBlank)) {
                System.err.println("compare: '" + arg + "': an empty run folder in the comma-separated list");
                return StatsTool.BAD_INPUT;
            }
            sides.add(names.stream().map(Path::of).toList());
        }
        return new StatsTool().compareSides(sides, out, threshold, failOnRegression, System.out, System.err);
    }
}
