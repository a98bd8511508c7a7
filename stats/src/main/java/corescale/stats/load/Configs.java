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
