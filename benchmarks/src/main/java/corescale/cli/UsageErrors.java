package corescale.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad command lines: one line saying what was wrong and where the command's help is, exit code 2.
 * No usage dump after it: the line names the option, and 30 lines of usage would push it out of sight.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    static final int EXIT = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        e.getCommandLine().getErr().println(line(e));
        return EXIT;
    }

    /** The one line printed for {@code e}. */
    static String line(ParameterException e) {
        String problem = problem(e);
        // picocli ends some of its sentences with a period ("Unknown subcommand 'x'."): not before the semicolon
        return (problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem)
                + "; see '" + help(e.getCommandLine()) + "'";
    }

    /** How to see {@code command}'s help. */
    static String help(CommandLine command) {
        return command.getParent() == null ? "java -jar benchmarks.jar --help" : command.getCommandName() + " --help";
    }

    /**
     * The JMH-style option of {@code command} ({@code -f}, {@code -wi}) that {@code arg} begins
     * with, a number glued on ({@code -f1}, {@code -r100ms}): JMH takes that; here an option is
     * never split, so that {@code -rf} is not {@code -r f}.
     */
    private static Optional<String> gluedOption(CommandSpec command, String arg) {
        return command.options().stream().flatMap(o -> Arrays.stream(o.names()))
                .filter(name -> !name.startsWith("--") && arg.startsWith(name) && arg.length() > name.length()
                        && Character.isDigit(arg.charAt(name.length())))
                .max(Comparator.comparingInt(String::length));
    }

    private static String problem(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched) {
            for (String arg : unmatched.getUnmatched()) {
                if (JmhOptions.NAMES.contains(arg)) {
                    return JmhOptions.notTakenBy(e.getCommandLine().getCommandSpec(), arg);
                }
            }
            for (String arg : unmatched.getUnmatched()) {
                Optional<String> glued = gluedOption(e.getCommandLine().getCommandSpec(), arg);
                if (glued.isPresent()) {
                    return "'" + arg + "': put a space between " + glued.get() + " and its value ('" + glued.get() + " "
                            + arg.substring(glued.get().length()) + "')";
                }
            }
            List<String> suggestions = unmatched.getSuggestions();
            return e.getMessage() + (suggestions.isEmpty() ? "" : " (did you mean '" + suggestions.get(0) + "'?)");
        }
        ArgSpec arg = e.getArgSpec();
        if (e.getCause() instanceof TypeConversionException conversion && arg != null) {
            // The converters word their message to follow the option: "--budget needs a unit (...)".
            String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
            return name + " " + conversion.getMessage();
        }
        return e.getMessage();
    }
}
