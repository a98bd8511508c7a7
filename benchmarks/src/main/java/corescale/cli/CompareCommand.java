package corescale.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import corescale.stats.StatsTool;

/** {@code compare}: one run against others, point by point, with confidence intervals and verdicts. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare runs point by point: ratio of means with a 95% CI over forks and a verdict "
                + "(faster, slower, same, inconclusive). Writes compare.csv and the comparison report."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASE", description = "The baseline run (folder or result file).")
    Path base;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "OTHER", description = "Runs to compare with the baseline.")
    List<Path> others;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write. Default: the folder of BASE.")
    Path out;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5%", converter = Converters.Fraction.class,
            description = "Differences inside ±PCT count as the same (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--fail-on-regression", description = "Exit with code 3 if any point is slower.")
    boolean failOnRegression;

    @Override
    public Integer call() {
        List<Path> inputs = new java.util.ArrayList<>(List.of(base));
        inputs.addAll(others);
        return new StatsTool().compare(inputs, out, threshold, failOnRegression,
                System.out, System.err);
    }
}
