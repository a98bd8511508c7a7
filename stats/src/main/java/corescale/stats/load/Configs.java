package corescale.stats.load;

import corescale.stats.io.BadInputException;
import corescale.stats.model.Measurement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The configurations of a run of interleaved configurations ({@code run --config}, results.csv's
 * {@code config} column), and each one's rows alone: the forks of different configurations of one
 * point are different measurements and are never pooled.
 */
public final class Configs {

    private Configs() {
    }

    /**
     * The configurations found in the rows: in {@code declared} order first (run.json's, whose first
     * is the baseline), then any others in order of first appearance. A plain run gives {@code [""]}.
     *
     * @throws BadInputException when a file has rows with and rows without a configuration
     */
    public static List<String> names(List<LoadedInput> loaded, List<String> declared) throws BadInputException {
        Set<String> seen = new LinkedHashSet<>();
        for (LoadedInput in : loaded) {
            Set<String> here = new LinkedHashSet<>();
            in.measurements().forEach(m -> here.add(m.run().config()));
            if (!in.pooled().isEmpty()) {
                here.add("");
            }
            if (here.contains("") && here.size() > 1) {
                throw new BadInputException(in.file(), 0, "rows with and rows without a configuration (config column):"
                        + " a run is either a plain run or a run of --config configurations");
            }
            seen.addAll(here);
        }
        List<String> out = new ArrayList<>(declared.stream().filter(seen::contains).toList());
        seen.stream().filter(c -> !out.contains(c)).forEach(out::add);
        return out;
    }

    /**
     * Refuses a file whose rows are partly of configurations and partly of none, at the first line of
     * the fewer kind (the rows that stray from the file's run).
     *
     * @param lines each row's file line, in the order of {@code rows}
     */
    static void oneKind(java.nio.file.Path file, List<Measurement> rows, int[] lines) throws BadInputException {
        int plain = 0;
        for (Measurement m : rows) {
            plain += m.run().config().isEmpty() ? 1 : 0;
        }
        if (plain == 0 || plain == rows.size()) {
            return;
        }
        // Ties name the kind the first row is not.
        boolean strayIsPlain = plain < rows.size() - plain
                || plain == rows.size() - plain && !rows.get(0).run().config().isEmpty();
        for (int i = 0; i < rows.size(); i++) {
            String config = rows.get(i).run().config();
            if (config.isEmpty() == strayIsPlain) {
                int others = strayIsPlain ? rows.size() - plain : plain;
                throw new BadInputException(file, lines[i], "rows with and rows without a configuration (config column): "
                        + (strayIsPlain ? "this row has none, " + rowsOf(others) + " one"
                        : "this row has configuration '" + config + "', " + rowsOf(others) + " none")
                        + "; a run is either a plain run or a run of --config configurations");
            }
        }
    }

    private static String rowsOf(int n) {
        return n == 1 ? "1 other row of the file has" : n + " other rows of the file have";
    }

    /** The files with only the rows of {@code config} (JMH's pooled results have none: they belong to ""). */
    public static List<LoadedInput> only(List<LoadedInput> loaded, String config) {
        List<LoadedInput> out = new ArrayList<>();
        for (LoadedInput in : loaded) {
            List<Measurement> rows = in.measurements().stream().filter(m -> m.run().config().equals(config)).toList();
            out.add(new LoadedInput(in.file(), in.format(), rows, config.isEmpty() ? in.pooled() : List.of(), in.dropped()));
        }
        return out;
    }
}
