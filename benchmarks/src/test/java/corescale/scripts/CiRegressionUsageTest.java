package corescale.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * scripts/ci-regression.sh refuses a bad command line as the jar does (docs/reports.md): one line on
 * stderr, exit 2, before it runs anything. Exit 1 is kept for a benchmark run that failed, which a CI
 * must not confuse with a mistyped option.
 */
class CiRegressionUsageTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "ci-regression.sh");

    private record Result(int exit, String out, List<String> err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        return new Result(p.waitFor(), out, err);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --baseline                 | ci-regression.sh: --baseline needs a value (see --help)
            --out x --threshold        | ci-regression.sh: --threshold needs a value (see --help)
            --jar                      | ci-regression.sh: --jar needs a value (see --help)
            --baselin x                | ci-regression.sh: unknown argument --baselin (see --help)
            --out x                    | ci-regression.sh: --baseline DIR is required (see --help)
            --baseline /nonexistent/b  | ci-regression.sh: baseline folder not found: /nonexistent/b
            """)
    void aBadCommandLineIsRefusedInOneLineWithExit2(String args, String refusal) throws Exception {
        Result r = run(args.split(" "));
        assertEquals(2, r.exit(), r.err().toString());
        assertEquals(List.of(refusal), r.err());
        assertEquals("", r.out());
    }
}
