package corescale.stats.load;

/** The input formats we read, detected from a file's content rather than its name. */
public enum Format {
    /** Our tidy {@code results.csv}: one row per measured iteration, with machine and JDK columns. */
    RESULTS_CSV("corescale results.csv"),
    /** JMH {@code -rf csv}: one pooled score per point, comma separated (any locale's decimal separator). */
    JMH_CSV("JMH CSV"),
    /** JMH {@code -rf scsv}: as {@link #JMH_CSV} with semicolons. */
    JMH_SCSV("JMH SCSV"),
    /** JMH {@code -rf json}: per-fork, per-iteration {@code rawData} when present. */
    JMH_JSON("JMH JSON");

    private final String label;

    Format(String label) {
        this.label = label;
    }

    /** How the format is named to a user, e.g. {@code JMH JSON}. */
    public String label() {
        return label;
    }
}
