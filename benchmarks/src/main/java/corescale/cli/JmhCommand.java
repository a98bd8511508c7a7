package corescale.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.openjdk.jmh.runner.options.CommandLineOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code jmh}: plain JMH, the words after it given to JMH's own command line as in any JMH jar.
 * A command line of JMH's without a command ({@code -l}, {@code Counters -f 1}) comes here too.
 */
@Command(name = "jmh", customSynopsis = "benchmarks.jar jmh [JMH_ARGS...]",
        description = {"Plain JMH: the rest of the line goes to JMH's own command line, with JMH's own defaults "
                + "(e.g. 5 forks of 5 warm-up and 5 measured 10 s iterations per benchmark), as in any JMH jar: "
                + "'jmh -l', 'jmh -lp counters', 'jmh Counters -f 1 -t 2 -rf json', 'jmh -prof gc Counters'.",
                "'jmh -h' prints JMH's help. No cores, no precision target, no results folder: that is 'run'."})
final class JmhCommand implements Callable<Integer> {

    /** Everything after {@code jmh}, options included, in order: JMH parses them. */
    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        // --help, as every other command here takes it, is JMH's -h (JMH's parser would call it an unknown "help")
        jmhArgs.replaceAll(a -> a.equals("--help") ? "-h" : a);
        Optional<String> problem = JmhOptions.problem(jmhArgs);
        if (problem.isPresent()) {
            System.err.println("jmh: " + problem.get() + "; see 'jmh -h'");
            return UsageErrors.EXIT;
        }
        System.err.println("corescale: plain JMH with JMH's own options and defaults, as '" + String.join(" ", line())
                + "' (corescale's sweep is 'run FILTER')");
        try {
            JmhEstimate.of(new CommandLineOptions(jmhArgs.toArray(String[]::new)))
                    .ifPresent(e -> System.err.println("corescale: " + e.describe()));
        } catch (Exception e) {
            // Only a forecast: JMH itself says what is wrong with the line, if anything.
        }
        // JMH's own main: its listing, help and runner as in any JMH jar; it exits 1 itself when a run fails.
        org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
        return 0;
    }

    private List<String> line() {
        List<String> line = new ArrayList<>(List.of("jmh"));
        line.addAll(jmhArgs);
        return line;
    }
}
