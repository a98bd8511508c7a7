package corescale.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What corescale's command line must know of JMH's: whether JMH's own parser takes a command line,
 * which words are JMH options, and what {@code run} takes instead of those it does not share.
 */
final class JmhOptions {

    /**
     * The options of JMH's command line (JMH 1.37's {@code CommandLineOptions}). JMH's parser does
     * not list them; JmhOptionsTest checks each against it.
     */
    static final Set<String> NAMES = Set.of("-i", "-bs", "-r", "-wi", "-wbs", "-w", "-to", "-t", "-bm", "-si", "-gc", "-foe",
            "-v", "-f", "-wf", "-o", "-rff", "-prof", "-tg", "-jvm", "-jvmArgs", "-jvmArgsAppend", "-jvmArgsPrepend", "-tu",
            "-opi", "-rf", "-wm", "-e", "-p", "-wmb", "-l", "-lp", "-lrf", "-lprof", "-h");

    /** JMH options whose work {@code run} does with an option of its own. */
    private static final Map<String, String> RUN_COUNTERPARTS = Map.of("-t", "--threads", "-p", "--param",
            "-jvmArgs", "--config", "-jvmArgsAppend", "--config", "-jvmArgsPrepend", "--config", "-jvm", "--config-jdk",
            "-prof", "--prof");

    /** JMH options that name result files; {@code run} writes its own. */
    private static final Set<String> RESULT_FILES = Set.of("-rf", "-rff", "-o");

    private JmhOptions() {
    }

    /** JMH's own complaint about {@code args}, as its parser words it, on one line; empty when JMH takes them. */
    static Optional<String> problem(List<String> args) {
        try {
            new CommandLineOptions(args.toArray(String[]::new));
            return Optional.empty();
        } catch (CommandLineOptionException | RuntimeException e) {
            // Some bad values (-bm 1) come as unchecked exceptions with a message over several lines.
            return Optional.of(String.join(" ", String.valueOf(e.getMessage()).strip().lines().map(String::strip).toList()));
        }
    }

    /** Whether {@code args} are a command line for plain JMH: JMH's parser takes them and one is an option. */
    static boolean isJmhCommandLine(List<String> args) {
        return args.stream().anyMatch(a -> a.length() > 1 && a.startsWith("-")) && problem(args).isEmpty();
    }

    /**
     * The line for a JMH option given to {@code command}, which does not take it: what it takes
     * instead, when it has something, else where plain JMH is.
     */
    static String notTakenBy(CommandSpec command, String option) {
        String start = option + " is a plain-JMH option; ";
        if (command.name().equals("run")) {
            if (RESULT_FILES.contains(option)) {
                return start + "run writes its own result files (see docs/results.md)";
            }
            OptionSpec counterpart = RUN_COUNTERPARTS.containsKey(option) ? command.findOption(RUN_COUNTERPARTS.get(option)) : null;
            if (counterpart != null) {
                return start + "run takes " + counterpart.longestName()
                        + (counterpart.typeInfo().isBoolean() ? "" : " " + counterpart.paramLabel()) + " instead";
            }
        }
        return start + command.name() + " does not take it ('jmh ARGS' is plain JMH)";
    }
}
