package corescale.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import corescale.stats.StatsTool;

/** {@code report}: (re)builds the summaries and the report of one or more runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Summarize one or more runs: summary.csv, scaling.csv, contention.csv and the report.",
                "Reads our results.csv (or a run folder), JMH's CSV (-rf csv / scsv) and JMH's JSON (-rf json)."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Run folders or result files.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write. Default: the folder of the first input.")
    Path out;

    @Override
    public Integer call() {
        return new StatsTool().report(inputs, out, System.out, System.err);
    }
}
