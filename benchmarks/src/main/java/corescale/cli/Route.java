package corescale.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.commons.text.similarity.LevenshteinDistance;

import picocli.CommandLine.Model.CommandSpec;

/**
 * How the words after {@code java -jar benchmarks.jar} are taken, before picocli parses them:
 * <ul>
 * <li>none: {@code run}, the default sweep;</li>
 * <li>a command ({@code run}, {@code list}, {@code jmh} ...) or an option of the jar's own
 * ({@code -h}, {@code --version}): as given;</li>
 * <li>a first word within 2 edits of a command that selects no benchmark ({@code runn},
 * {@code lsit}, {@code jmhh -l}): refused as a mistyped command, since it would otherwise be a filter
 * that matches nothing;</li>
 * <li>a line JMH's own parser takes, with at least one option ({@code -l},
 * {@code Counters -f 1 -t 2}): plain JMH, as {@code jmh ...};</li>
 * <li>anything else ({@code counters}, {@code counters --quick}): {@code run} with those words.</li>
 * </ul>
 *
 * @param args    what picocli parses
 * @param notice  the line saying which mode an implicit {@code run} starts
 * @param refusal the one line of a refused command line
 */
record Route(List<String> args, Optional<String> notice, Optional<String> refusal) {

    /** Most edits (insertions, deletions, substitutions) that make a word a mistyped command. */
    static final int TYPO_EDITS = 2;

    /**
     * @param words             the jar's arguments
     * @param root              the jar's command line: its commands and options
     * @param selectsBenchmarks whether a word, as a filter, selects any benchmark
     */
    static Route of(List<String> words, CommandSpec root, Predicate<String> selectsBenchmarks) {
        if (words.isEmpty()) {
            return new Route(List.of("run"), Optional.empty(), Optional.empty());
        }
        String first = words.get(0);
        if (root.subcommands().containsKey(first) || first.startsWith("-") && root.findOption(first) != null) {
            return new Route(words, Optional.empty(), Optional.empty());
        }
        // Before JMH's lines too: "runn -f 1" would otherwise be plain JMH with a filter that matches nothing.
        if (!first.startsWith("-") && !selectsBenchmarks.test(first)) {
            Optional<String> meant = closestCommand(first, root);
            if (meant.isPresent()) {
                return new Route(words, Optional.empty(), Optional.of("unknown command '" + first + "' (did you mean '" + meant.get()
                        + "'?); see 'java -jar benchmarks.jar --help'"));
            }
        }
        if (JmhOptions.isJmhCommandLine(words)) {
            return new Route(prefixed("jmh", words), Optional.empty(), Optional.empty());
        }
        String notice = "corescale: the sweep, as '" + String.join(" ", prefixed("run", words)) + "'"
                // Plain JMH is named where JMH takes the same words: a filter, no run option.
                + (JmhOptions.problem(words).isEmpty() ? " (plain JMH with JMH's defaults is '" + String.join(" ", prefixed("jmh", words)) + "')" : "");
        return new Route(prefixed("run", words), Optional.of(notice), Optional.empty());
    }

    /** The command {@code word} is a mistyped form of, if any is within {@link #TYPO_EDITS} edits (case ignored). */
    private static Optional<String> closestCommand(String word, CommandSpec root) {
        LevenshteinDistance distance = new LevenshteinDistance(TYPO_EDITS);
        String typed = word.toLowerCase(java.util.Locale.ROOT);
        return root.subcommands().keySet().stream()
                .filter(command -> distance.apply(typed, command) >= 0) // -1: more than TYPO_EDITS apart
                .min(Comparator.comparingInt((String command) -> distance.apply(typed, command)));
    }

    private static List<String> prefixed(String command, List<String> words) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(words);
        return args;
    }
}
