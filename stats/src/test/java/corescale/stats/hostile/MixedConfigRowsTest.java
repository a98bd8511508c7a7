package corescale.stats.hostile;

import corescale.stats.Synthetic;
import corescale.stats.model.ResultsColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * results.csv with rows of configurations and rows of none: refused at the first row of the fewer
 * kind (the one that strays), no longer with the file alone.
 */
class MixedConfigRowsTest {

    @TempDir
    Path dir;

    private static String line(String config, int fork, int iteration) {
        Map<ResultsColumn, Object> v = new EnumMap<>(ResultsColumn.class);
        v.put(ResultsColumn.CONFIG, config);
        v.put(ResultsColumn.CORES, 2);
        v.put(ResultsColumn.THREADS, 2);
        v.put(ResultsColumn.FORK, fork);
        v.put(ResultsColumn.ITERATION, iteration);
        v.put(ResultsColumn.SCORE, 10.0 + fork + 0.1 * iteration);
        return Synthetic.line(v);
    }

    /** Rows of configurations a and b, 3 forks of 2 iterations each, the row at index {@code stray} (line stray + 2) of {@code strayConfig}. */
    private Path run(List<String> configs, int stray, String strayConfig) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int f = 1; f <= 3; f++) {
            for (String c : configs) {
                for (int i = 1; i <= 2; i++) {
                    lines.add(line(lines.size() == stray ? strayConfig : c, f, i));
                }
            }
        }
        return Synthetic.resultsCsv(dir, "cfg/results.csv", lines.toArray(String[]::new)).getParent();
    }

    @Test
    void aRowWithoutAConfigurationInARunOfConfigurationsIsNamedByLine() throws IOException {
        Path run = run(List.of("a", "b"), 5, "");
        Hostile.report(dir, run).assertRefused(run.resolve("results.csv") + ":7: rows with and rows without a configuration"
                + " (config column): this row has none, 11 other rows of the file have one;"
                + " a run is either a plain run or a run of --config configurations");
    }

    @Test
    void aRowOfAConfigurationInAPlainRunIsNamedByLine() throws IOException {
        Path run = run(List.of(""), 2, "x");
        Hostile.compare(dir, run).assertRefused(run.resolve("results.csv") + ":4: rows with and rows without a configuration"
                + " (config column): this row has configuration 'x', 5 other rows of the file have none;"
                + " a run is either a plain run or a run of --config configurations");
    }
}
