package corescale.stats.model;

/**
 * A run folder's {@code results.csv}: one row per measured iteration, written by the sweep and read by
 * the statistics; its columns are {@link ResultsColumn}.
 */
public final class ResultsFile {

    public static final String NAME = "results.csv";

    private ResultsFile() {
    }
}
