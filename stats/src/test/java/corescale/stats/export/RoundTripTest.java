package corescale.stats.export;

import corescale.stats.StatsTool;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code report RUN/jmh-result.json} gives the points, means and intervals of {@code report RUN}: the
 * file holds every fork's iterations and names each point in its params, and the report summarises
 * both the same way (warm-up found and dropped included).
 */
class RoundTripTest {

    /** The columns that say what a point measured: which point, how many forks, mean and interval. */
    private static final List<String> COLUMNS = List.of("benchmark", "variant", "params", "cores", "threads", "mode", "unit",
            "forks", "samples", "mean", "ci_low", "ci_high", "rel_ci", "cv_between_forks", "unstable", "modes", "warmup");

    /** Three forks whose first iteration is half the rest: a warm-up the summary drops. */
    private static final double[][] WARMING_2C_1T = {{5, 10.2, 10.4, 10.0}, {4.8, 9.6, 9.8, 9.7}, {5.1, 11.1, 10.9, 11.0}};

    @TempDir
    Path dir;

    @Test
    void reportOfTheJsonEqualsReportOfTheRun() throws Exception {
        List<String> lines = new ArrayList<>(ExportFixtures.lines("", 1));
        ExportFixtures.add(lines, "", "warming", 2, 1, WARMING_2C_1T, 1, false);
        Path run = ExportFixtures.run(dir.resolve("run"), lines);
        RunExports.write(run, List.of(), ExportFixtures.CONTEXT);

        List<List<String>> fromRun = summary(report(run, dir.resolve("of-run")));
        List<List<String>> fromJson = summary(report(run.resolve("jmh-result.json"), dir.resolve("of-json")));
        assertEquals(4, fromRun.size());
        assertEquals("1", fromRun.stream().filter(r -> r.get(1).equals("warming")).findFirst().orElseThrow().get(16),
                "the warming point's first iteration is dropped: the test covers the warm-up");
        assertEquals(fromRun, fromJson);
    }

    @Test
    void eachConfigurationsJsonReportsAsThatConfigurationOfTheRun() throws Exception {
        List<String> lines = new ArrayList<>(ExportFixtures.lines("base", 1));
        lines.addAll(ExportFixtures.lines("c1", 1.5));
        Path run = ExportFixtures.run(dir.resolve("run"), lines);
        RunExports.write(run, List.of("base", "c1"), ExportFixtures.CONTEXT);

        Path ofRun = report(run, dir.resolve("of-run"));
        for (String config : List.of("base", "c1")) {
            List<List<String>> fromJson = summary(report(run.resolve("jmh-result-" + config + ".json"), dir.resolve("of-" + config)));
            List<List<String>> fromRun = summary(ofRun.resolve(StatsTool.configFolder(config)));
            assertEquals(3, fromRun.size(), config + ": every point of the configuration is summarised");
            assertEquals(fromRun, fromJson, config);
        }
    }

    /** Runs {@code report INPUT --out OUT}, which must succeed, and returns OUT. */
    private static Path report(Path input, Path out) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(console, true, StandardCharsets.UTF_8);
        int code = new StatsTool().report(List.of(input), out, stream, stream);
        assertEquals(0, code, console.toString(StandardCharsets.UTF_8));
        return out;
    }

    /** summary.csv's rows in the columns above. */
    private static List<List<String>> summary(Path out) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(out.resolve("summary.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                rows.add(COLUMNS.stream().map(r::get).toList());
            }
        }
        return rows;
    }
}
