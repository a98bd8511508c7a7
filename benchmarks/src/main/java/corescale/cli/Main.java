package corescale.cli;

import java.util.List;
import java.util.regex.PatternSyntaxException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import corescale.sweep.Plan;

/**
 * The command line of benchmarks.jar, parsed by picocli after {@link Route} has said how the words
 * are taken: a command, plain JMH ({@code jmh}, or a line of JMH options), or {@code run} with a
 * filter. With no arguments it runs the default sweep.
 */
@Command(name = "benchmarks.jar", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
                "JMH benchmarks of Java concurrency across cores and contention, and the statistics that report them.",
                "",
                "With no arguments: the default sweep (same as 'run').",
                "A first word that is not a command is a FILTER for 'run': 'counters' is 'run counters'.",
                "A line of JMH's own options is plain JMH: '-l' and 'Counters -f 1 -t 2' are 'jmh -l' and 'jmh Counters -f 1 -t 2'.",
                "JMH's own help: 'jmh -h'."},
        subcommands = {RunCommand.class, ReportCommand.class, CompareCommand.class, FleetCommand.class, ListCommand.class, JmhCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 fine, 1 a benchmark failed, 2 bad input or usage, 3 a regression under --fail-on-regression, "
                + "130 or 143 a run stopped by SIGINT or SIGTERM (run --resume finishes it)."})
public final class Main implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        Route route = Route.of(List.of(args), cli.getCommandSpec(), Main::selectsBenchmarks);
        if (route.refusal().isPresent()) {
            System.err.println(route.refusal().get());
            System.exit(UsageErrors.EXIT);
        }
        route.notice().ifPresent(System.err::println);
        System.exit(cli.execute(route.args().toArray(String[]::new)));
    }

    /** Whether {@code filter} selects any benchmark; a filter that is not a regex selects none. */
    static boolean selectsBenchmarks(String filter) {
        try {
            return !Plan.benchmarks(filter).isEmpty();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.getCommandSpec().exitCodeOnInvalidInput(UsageErrors.EXIT);
        cli.setParameterExceptionHandler(new UsageErrors());
        // "-rf" is JMH's result format, not -r with the value "f": no option is split into letters.
        cli.setPosixClusteredShortOptionsAllowed(false);
        // One line, no stack trace: bad values (IllegalArgumentException) are usage errors (2);
        // anything else stopped the work (1).
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            commandLine.getErr().println(commandLine.getCommandName() + ": " + message);
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The version written into the jar's manifest by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"corescale " + (v == null ? "(development build)" : v)
                    + ", JMH " + org.openjdk.jmh.util.Version.getPlainVersion()
                    + ", on " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")};
        }
    }
}
