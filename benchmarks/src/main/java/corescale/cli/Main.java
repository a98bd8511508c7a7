package corescale.cli;

import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of benchmarks.jar. Our subcommands are parsed by picocli; anything else goes
 * to JMH's own option parser, so {@code -l}, {@code -h}, regexes, {@code -prof gc} and
 * {@code -rf json} work as in any JMH jar. With no arguments it runs the default sweep.
 */
@Command(name = "benchmarks.jar", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
                "JMH benchmarks of Java concurrency across cores and contention, and the statistics that report them.",
                "",
                "With no arguments: the default sweep (same as 'run').",
                "Arguments that are not a subcommand go to JMH itself, e.g. '-l', '-h', 'Counters -f 1 -t 2'."},
        subcommands = {RunCommand.class, ReportCommand.class, CompareCommand.class, FleetCommand.class, ListCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 fine, 1 a benchmark failed, 2 bad input or usage, 3 a regression under --fail-on-regression."})
public final class Main implements Runnable {

    static final Set<String> OWN = Set.of("run", "list", "report", "compare", "fleet", "help", "--help", "-V", "--version");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && !OWN.contains(args[0])) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        String[] effective = args.length == 0 ? new String[] {"run"} : args;
        System.exit(commandLine().execute(effective));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.getCommandSpec().exitCodeOnInvalidInput(2);
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
