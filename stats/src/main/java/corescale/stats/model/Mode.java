package corescale.stats.model;

/**
 * JMH benchmark mode, as far as statistics care: whether a larger score is better.
 * Single-shot and sample modes are times per operation, like {@code avgt}.
 */
public enum Mode {
    /** {@code thrpt}: operations per time unit; higher is better. */
    THROUGHPUT("thrpt", true),
    /** {@code avgt}: time per operation; lower is better. */
    AVERAGE_TIME("avgt", false),
    /** {@code sample}: sampled time per operation; lower is better. */
    SAMPLE_TIME("sample", false),
    /** {@code ss}: time of one cold call; lower is better. */
    SINGLE_SHOT("ss", false);

    private final String jmhName;
    private final boolean higherIsBetter;

    Mode(String jmhName, boolean higherIsBetter) {
        this.jmhName = jmhName;
        this.higherIsBetter = higherIsBetter;
    }

    /** The short name JMH writes, e.g. {@code thrpt}. */
    public String jmhName() {
        return jmhName;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Parses JMH's short or long name ({@code thrpt}, {@code Throughput}, ...). */
    public static Mode parse(String text) {
        String t = text.trim();
        for (Mode m : values()) {
            if (m.jmhName.equalsIgnoreCase(t) || m.name().replace("_", "").equalsIgnoreCase(t.replace("_", ""))) {
                return m;
            }
        }
        switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "throughput": return THROUGHPUT;
            case "averagetime": return AVERAGE_TIME;
            case "sampletime": return SAMPLE_TIME;
            case "singleshottime": return SINGLE_SHOT;
            default: throw new IllegalArgumentException("unknown benchmark mode '" + text + "'");
        }
    }
}
