package corescale.stats.hostile;

import corescale.stats.StatsTool;
import corescale.stats.Synthetic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs {@code report}, {@code compare} and {@code fleet} as the command line does ({@link StatsTool}) on hostile
 * inputs, and checks a refusal: exit code 2, exactly one line on stderr, no file written or changed.
 */
final class Hostile {

    private Hostile() {
    }

    /**
     * What a command did.
     *
     * @param code   exit code
     * @param out    what it printed on stdout
     * @param err    what it printed on stderr
     * @param before every file under the test folder with its content, before the command
     * @param after  the same after it
     */
    record Outcome(int code, String out, String err, Map<Path, String> before, Map<Path, String> after) {

        /** Exit 2, {@code message} as the only line on stderr, nothing written. */
        void assertRefused(String message) {
            assertEquals(StatsTool.BAD_INPUT, code, "exit code; stderr: " + err);
            assertEquals(message + System.lineSeparator(), err, "one line: file, line, reason");
            assertFalse(err.contains("\tat "), "no stack trace");
            assertEquals(before, after, "nothing written");
        }
    }

    /** A run folder {@code dir/name} whose results.csv holds our header and these lines, each ended. */
    static Path run(Path dir, String name, String... lines) throws IOException {
        return Synthetic.resultsCsv(dir, name + "/results.csv", lines).getParent();
    }

    /** A data line for the point {@code Counters.increment v [work=0]} in run {@code r-h}. */
    static String row(int cores, int threads, String mode, int fork, int iteration, double score, String unit) {
        return Synthetic.row("h", "v", cores, threads, mode, fork, iteration, score, unit);
    }

    /** {@code report} on the inputs, writing into the first input's folder (the default). */
    static Outcome report(Path dir, Path... inputs) {
        return run(dir, (out, err) -> new StatsTool().report(List.of(inputs), null, out, err));
    }

    /** {@code compare} of the first input (base) with the others, writing into the base's folder. */
    static Outcome compare(Path dir, Path... inputs) {
        return run(dir, (out, err) -> new StatsTool().compare(List.of(inputs), null, 0.05, false, out, err));
    }

    /** {@code fleet} on the inputs, writing where it writes by default. */
    static Outcome fleet(Path dir, Path... inputs) {
        return run(dir, (out, err) -> new StatsTool().fleet(List.of(inputs), null, out, err));
    }

    private interface Command {
        int run(PrintStream out, PrintStream err);
    }

    private static Outcome run(Path dir, Command command) {
        Map<Path, String> before = files(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), before, files(dir));
    }

    private static Map<Path, String> files(Path dir) {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                files.put(p, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
