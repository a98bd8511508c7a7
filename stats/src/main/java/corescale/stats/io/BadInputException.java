package corescale.stats.io;

import java.nio.file.Path;

/**
 * An input file that cannot be used. {@link #getMessage()} is the one line a user sees:
 * {@code file:line: what was wrong}, or {@code file: what was wrong} when no line applies.
 */
public class BadInputException extends Exception {

    private final Path file;
    private final int line;
    private final String problem;

    /**
     * @param file    the input that is bad
     * @param line    1-based line number, or 0 when the problem is not on one line
     * @param problem what was wrong, one line, no file name
     */
    public BadInputException(Path file, int line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public BadInputException(Path file, int line, String problem, Throwable cause) {
        this(file, line, problem);
        initCause(cause);
    }

    private static String format(Path file, int line, String problem) {
        String where = String.valueOf(file) + (line > 0 ? ":" + line : "");
        return where + ": " + problem.replace('\n', ' ').replace('\r', ' ');
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The problem without the file and line. */
    public String problem() {
        return problem;
    }
}
